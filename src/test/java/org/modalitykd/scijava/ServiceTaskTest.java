/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.scijava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.app.CaseResult;
import org.modalitykd.app.ModalityKD;
import org.scijava.Context;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.task.Task;
import org.scijava.task.TaskService;
import org.scijava.task.event.TaskEvent;

/** The service runs a segmentation as a SciJava task: its progress is the task's, and cancelling the task stops it. */
class ServiceTaskTest {

	@TempDir
	Path tmp;

	/** Records every task event; cancels the task at its first progress when asked to. */
	public static final class Watcher {
		final List<String> statuses = new CopyOnWriteArrayList<>();
		final List<Long> values = new CopyOnWriteArrayList<>();
		volatile boolean cancel;

		@EventHandler
		public void onEvent(TaskEvent e) {
			Task t = e.getTask();
			if (t.getStatusMessage() != null) {
				statuses.add(t.getStatusMessage());
			}
			values.add(t.getProgressValue());
			if (cancel && t.getProgressValue() > 0 && !t.isCanceled()) {
				t.cancel("test");
			}
		}
	}

	@Test
	void aSegmentationIsASciJavaTaskThatCancelStops() throws IOException {
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path caseDir = TinyModels.noisyCase(tmp, "BraTS_T", 24, 20, 12, 4);
		try (Context context = new Context(ModalityKDService.class, TaskService.class, EventService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			Watcher watcher = new Watcher();
			context.getService(EventService.class).subscribe(watcher);

			Path out = tmp.resolve("labels.nii.gz");
			CaseResult r = kd.run(ModalityKD.segment(caseDir).models(models).device("cpu").windowsPerCall(1).output(out));
			assertEquals("teacher", r.model());
			assertTrue(watcher.statuses.stream().anyMatch(s -> s.matches("BraTS_T: \\d+/\\d+ windows")), watcher.statuses.toString());
			assertEquals(Long.valueOf(1000), watcher.values.stream().max(Long::compare).orElseThrow(), "ends at the whole");

			watcher.cancel = true;
			Path cancelled = tmp.resolve("cancelled.nii.gz");
			assertThrows(CancellationException.class, () -> kd.run(ModalityKD.segment(caseDir).models(models)
				.device("cpu").windowsPerCall(1).output(cancelled)));
			assertFalse(Files.exists(cancelled));
		}
	}
}
