/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.TrainingRun;

/**
 * The experiment is a task like segmentation and training: the cancel of its
 * {@link TaskMonitor} (Esc, Ctrl-C, a script's) stops the quick experiment inside its
 * first training with a checkpoint and no record, nothing half-written, and a rerun
 * resumes that checkpoint.
 */
class ExperimentCancelTest {

	@TempDir
	Path tmp;

	@Test
	void cancelFromTheMonitorStopsTheTrainingUnderWayWithACheckpointAndNoRecord() throws IOException {
		List<String> lines = new CopyOnWriteArrayList<>();
		List<Double> fractions = new CopyOnWriteArrayList<>();
		TaskMonitor stopAtStep2 = monitor(fractions, "step 2/");
		ExperimentRunner runner = new ExperimentRunner(ExperimentPlan.quick(), tmp, SessionOptions.cpu(), lines::add);
		CancellationException e = assertThrows(CancellationException.class, () -> runner.run(stopAtStep2));
		assertTrue(e.getMessage().startsWith("experiment cancelled in teacher of seed 1 at step 2"), e.getMessage());
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("cancelled; run the experiment again")), lines.toString());
		assertNull(ExperimentRecords.open(tmp).record(1, ExperimentDesign.TEACHER), "no record of an unfinished training");
		Path teacher = tmp.resolve("seed-1").resolve(ExperimentDesign.TEACHER);
		assertTrue(TrainingRun.hasCheckpoint(teacher), "the cancelled training keeps its checkpoint");
		assertEquals(List.of(), halfWritten(tmp));
		for (int i = 1; i < fractions.size(); i++) {
			assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
		}
		assertTrue(fractions.get(fractions.size() - 1) > 0, fractions.toString());

		lines.clear();
		ExperimentRunner again = new ExperimentRunner(ExperimentPlan.quick(), tmp, SessionOptions.cpu(), lines::add);
		assertThrows(CancellationException.class, () -> again.run(monitor(new CopyOnWriteArrayList<>(), "step 4/")));
		assertTrue(lines.contains("seed 1: training teacher (supervised), resumed from its checkpoint"), lines.toString());
		assertFalse(lines.stream().anyMatch(l -> l.startsWith("generating")), "the data are made once: " + lines);
		assertEquals(List.of(), halfWritten(tmp));
	}

	@Test
	void cancelWhileTheDataAreMadeLeavesNoHalfDataset() throws IOException {
		ExperimentRunner runner = new ExperimentRunner(ExperimentPlan.quick(), tmp, SessionOptions.cpu(), line -> {
		});
		TaskMonitor now = new TaskMonitor() {
			@Override
			public void progress(double fraction, String status) {
			}

			@Override
			public boolean cancelRequested() {
				return true;
			}
		};
		CancellationException e = assertThrows(CancellationException.class, () -> runner.run(now));
		assertTrue(e.getMessage().startsWith("cancelled while generating pool (1 of 10 cases)"), e.getMessage());
		Path data = tmp.resolve("data");
		try (Stream<Path> left = Files.list(data)) {
			assertEquals(List.of(), left.toList(), "neither the pool nor its temporary folder is left");
		}
	}

	private static TaskMonitor monitor(List<Double> fractions, String stopAt) {
		return new TaskMonitor() {
			private volatile boolean stop;

			@Override
			public void progress(double fraction, String status) {
				fractions.add(fraction);
				stop |= status.startsWith(stopAt);
			}

			@Override
			public boolean cancelRequested() {
				return stop;
			}
		};
	}

	/** Temporary files and folders of atomic writes, and part-made datasets. */
	private static List<Path> halfWritten(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(f -> {
				String n = f.getFileName().toString();
				return n.endsWith(".part") || n.endsWith(".lock");
			}).toList();
		}
	}
}
