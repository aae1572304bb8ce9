/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import org.modalitykd.train.TrainingJob;

/**
 * A training of a job made by its caller from cases already in memory, e.g. the
 * experiment's, which trains subsets of one synthetic pool and records each job's
 * settings before it runs: {@code ModalityKD.train(job).output(bundle).resume(true).run(monitor)}.
 * The job was checked when {@link org.modalitykd.train.TrainingJobs} made it; the output is
 * checked and the run goes as every other request's.
 */
public final class JobTraining extends TrainingRequest<JobTraining> {

	private final TrainingJob job;

	JobTraining(TrainingJob job) {
		this.job = job;
	}

	@Override
	void checkOptions() {
		// TrainingJobs checked them when it made the job.
	}

	@Override
	TrainingJob job() {
		return job;
	}
}
