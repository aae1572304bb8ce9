/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/** The macro keys {@code seg_loss} (every training command) and {@code latent_loss} (Distill Student). */
class FijiLossOptionsTest {

	private static final String TINY = FijiTrainingTest.TINY.replace("steps=4", "steps=2");

	@TempDir
	Path tmp;

	private Path data;

	@BeforeEach
	void fresh() throws IOException {
		ImageJ1.reset();
		data = TrainingFixtures.syntheticCases();
	}

	private static String q(Path p) {
		return FijiTrainingTest.q(p);
	}

	@Test
	void macroKeysReachTheModelCard() throws IOException {
		Path teacher = tmp.resolve("teacher");
		ImageJ1.run("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY + " seg_loss=official out="
			+ q(teacher));
		assertEquals(Map.of("seg_loss", "official"), ModelBundle.readCard(teacher).provenance().lossOptions());
		Path student = tmp.resolve("student");
		ImageJ1.run("Distill Student...", "data=" + q(data) + " modality=t2 method=kdnet teacher=" + q(teacher)
			+ " latent_loss=kl " + TINY + " out=" + q(student));
		ModelCard card = ModelBundle.readCard(student);
		assertEquals(Map.of("seg_loss", "default", "latent_loss", "kl"), card.provenance().lossOptions());
		assertTrue(card.provenance().lossWeights().containsKey("feature_kl"), card.provenance().lossWeights().toString());
		Path baseline = tmp.resolve("baseline");
		ImageJ1.run("Distill Student...", "data=" + q(data) + " modality=t2 method=none " + TINY + " out=" + q(baseline));
		assertEquals(Map.of("seg_loss", "default"), ModelBundle.readCard(baseline).provenance().lossOptions(),
			"the latent_loss choice's default is no option for a baseline");
	}

	@Test
	void klForAnotherMethodIsOneLineNamingTheKeyAndNothingIsWritten() {
		Path out = tmp.resolve("bad");
		String printed = ImageJ1.runFailing("Distill Student...", "data=" + q(data) + " modality=t1 method=none latent_loss=kl "
			+ TINY + " out=" + q(out));
		assertEquals(1, printed.lines().count(), printed);
		assertTrue(printed.contains("latent_loss: method none has no latent term"), printed);
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(TrainingRun.workDirOf(out)));
	}
}
