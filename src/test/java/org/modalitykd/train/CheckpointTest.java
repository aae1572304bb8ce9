/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.TestDevice;
import org.modalitykd.data.PatchBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;

class CheckpointTest {

	@TempDir
	Path tmp;

	private static final UNetConfig CONFIG = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);

	@Test
	void resumedTrainingIsBitIdentical() throws IOException {
		PatchBatch a = SyntheticPatches.tumour(8, new double[] { 3.5, 4, 4.2 }, 1);
		PatchBatch b = SyntheticPatches.tumour(8, new double[] { 4.5, 3, 3.2 }, 2);
		Path dir = tmp.resolve("run/ckpt");
		List<Double> expected = new ArrayList<>();
		try (Trainer t = Trainer.create(CONFIG, Objective.defaults(TrainingMethod.SUPERVISED), TestDevice.session())) {
			for (int i = 0; i < 3; i++) {
				t.step(i % 2 == 0 ? a : b, 1e-2);
			}
			Checkpoint.save(t.session(), dir, Map.of("sampler_seed", "42"));
			for (int i = 3; i < 6; i++) {
				expected.add(t.step(i % 2 == 0 ? a : b, 1e-2).loss());
			}
		}
		try (Stream<Path> files = Files.list(dir.getParent())) {
			assertEquals(List.of(dir), files.toList(), "no temporary folder left beside the checkpoint");
		}
		try (Trainer t = Trainer.create(CONFIG.withSeed(99), Objective.defaults(TrainingMethod.SUPERVISED),
			TestDevice.session())) {
			Map<String, String> meta = Checkpoint.restore(t.session(), dir);
			assertEquals("42", meta.get("sampler_seed"));
			assertEquals(3, t.stepCount(), "the step counter is part of the checkpoint");
			for (int i = 3; i < 6; i++) {
				assertEquals(expected.get(i - 3), t.step(i % 2 == 0 ? a : b, 1e-2).loss(), 0.0, "step " + i);
			}
		}
	}

	@Test
	void overwritingKeepsOneCompleteCheckpointAndMismatchIsRefused() throws IOException {
		Path dir = tmp.resolve("ckpt");
		try (Trainer t = Trainer.create(CONFIG, Objective.defaults(TrainingMethod.SUPERVISED), TestDevice.session())) {
			Checkpoint.save(t.session(), dir, Map.of("n", "1"));
			Checkpoint.save(t.session(), dir, Map.of("n", "2"));
			assertEquals("2", Checkpoint.restore(t.session(), dir).get("n"));
		}
		try (Stream<Path> files = Files.list(tmp)) {
			assertEquals(1, files.count(), "the replaced checkpoint was removed");
		}
		try (Trainer t = Trainer.create(CONFIG.withBaseFilters(8), Objective.defaults(TrainingMethod.SUPERVISED),
			TestDevice.session())) {
			IOException e = assertThrows(IOException.class, () -> Checkpoint.restore(t.session(), dir));
			assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
		}
		assertFalse(Files.exists(tmp.resolve("nothing/checkpoint.json")));
		assertThrows(IOException.class, () -> Checkpoint.restore(null, tmp.resolve("nothing")));
	}
}
