/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The version of the code that produces a result, for records that outlive the session:
 * the git commit of the checkout (or worktree) the tool runs from ({@code -Dmodalitykd.home}, set by
 * scripts/modalitykd), marked {@code -dirty} when its sources or pom have uncommitted
 * changes (records and docs written during a run do not count); else the jar's version;
 * else {@code unknown}.
 */
final class CodeVersion {

	private CodeVersion() {
	}

	static String describe() {
		String home = System.getProperty("modalitykd.home");
		if (home != null && Files.exists(Path.of(home, ".git"))) {
			try {
				String commit = git(home, "rev-parse", "--short=12", "HEAD");
				String changes = git(home, "status", "--porcelain", "--", "src", "pom.xml");
				if (commit != null && commit.matches("[0-9a-f]+") && changes != null) {
					return changes.isEmpty() ? commit : commit + "-dirty";
				}
			} catch (IOException e) {
				// no git: fall back to the jar's version
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		String v = CodeVersion.class.getPackage().getImplementationVersion();
		return v == null ? "unknown" : v.replace(',', ';');
	}

	/** The output of a git command, or null when it fails. */
	private static String git(String home, String... args) throws IOException, InterruptedException {
		String[] command = new String[args.length + 3];
		command[0] = "git";
		command[1] = "-C";
		command[2] = home;
		System.arraycopy(args, 0, command, 3, args.length);
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
	}
}
