/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.PrintWriter;
import java.util.Arrays;

import org.modalitykd.cli.bench.CohortMemoryBenchmark;

import picocli.CommandLine.Option;

/** The cohort-memory suite's cohorts, the cases they are made of, and each training run's steps and cache (a mixin of bench). */
final class CohortMemoryOptions {

	@Option(names = "--cohorts", defaultValue = "20,200", split = ",", paramLabel = "N,N,...",
		description = "Suite cohort-memory: cohort sizes, smallest first (default: ${DEFAULT-VALUE}).")
	int[] cohorts;

	@Option(names = "--distinct-cases", defaultValue = "20", description = "Suite cohort-memory: synthetic cases generated; "
		+ "larger cohorts repeat them under new ids (default: ${DEFAULT-VALUE}).")
	int distinctCases;

	@Option(names = "--cohort-steps", defaultValue = "20", description = "Suite cohort-memory: training steps per run (default: ${DEFAULT-VALUE}).")
	int cohortSteps;

	@Option(names = "--cache-mb", defaultValue = "1024", description = "Suite cohort-memory: the training runs' case cache (default: ${DEFAULT-VALUE}).")
	int cacheMb;

	/** The suite with these sizes, training on {@code patch}^3 patches, {@code batch} a step; bad numbers are a usage error. */
	CohortMemoryBenchmark benchmark(int patch, int batch, PrintWriter progress) {
		if (cohorts.length < 1 || Arrays.stream(cohorts).anyMatch(n -> n < 1) || distinctCases < 1
			|| cohortSteps < 1 || cacheMb < 0 || patch < 8 || patch % 8 != 0 || batch < 1) {
			throw new UsageException("--cohorts, --distinct-cases and --cohort-steps need positive numbers, --cache-mb 0 or "
				+ "more, --patch a positive multiple of 8");
		}
		return new CohortMemoryBenchmark(cohorts, distinctCases, patch, batch, cohortSteps, cacheMb, progress);
	}
}
