/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modalitykd.References;
import org.modalitykd.data.ZScoreNormalizer;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Modalities;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A case's channel signature, against numpy, and what it can and cannot tell apart. */
class ChannelSignatureTest {

	private static final List<String> CASES = List.of("synth_0001", "synth_0002", "synth_0003");

	private static float[][] normalised(String id, List<String> order) throws IOException {
		Volume v = new CaseLoader().load(Path.of("sample-data", id), order).images();
		float[][] out = new float[order.size()][];
		for (int c = 0; c < out.length; c++) {
			out[c] = ZScoreNormalizer.normalise(v.channel(c));
		}
		return out;
	}

	@Test
	void twoChannelsThatMirrorEachOtherCorrelateAtMinusOne() {
		float[][] c = new float[2][1000];
		for (int i = 0; i < 1000; i++) {
			c[0][i] = i + 1;
			c[1][i] = -(i + 1);
		}
		ChannelSignature s = ChannelSignature.of(c);
		assertEquals(-1, s.correlation()[0][1], 1e-9);
		// Uniform 1..1000 standardised: the 10 % decile is the 101st value (rank round(0.1 * 999)).
		double mean = 500.5;
		double std = Math.sqrt((1000.0 * 1000 - 1) / 12);
		assertEquals((101 - mean) / std, s.deciles()[0][0], 1e-9);
		assertEquals(-(101 - mean) / std, s.deciles()[1][8], 1e-9);
	}

	@Test
	void tooFewBrainVoxelsGiveNoSignature() {
		assertNull(ChannelSignature.of(new float[][] { new float[50], new float[50] }));
	}

	@Test
	void deciesAndCorrelationsMatchNumpyOnARealCase() throws Exception {
		References.requireNibabel();
		String id = CASES.get(0);
		List<String> files = new ArrayList<>(List.of(References.PYTHON.toString(), "src/test/python/channel_signature.py"));
		for (String m : Modalities.BRATS) {
			files.add("sample-data/" + id + "/" + id + "_" + m + ".nii.gz");
		}
		Process p = new ProcessBuilder(files).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), out);
		JsonObject numpy = JsonParser.parseString(out).getAsJsonObject();
		ChannelSignature ours = ChannelSignature.of(normalised(id, Modalities.BRATS));
		for (int c = 0; c < 4; c++) {
			for (int d = 0; d < 9; d++) {
				assertEquals(numpy.getAsJsonArray("deciles").get(c).getAsJsonArray().get(d).getAsDouble(), ours.deciles()[c][d],
					1e-4, "decile " + (d + 1) + " of " + Modalities.BRATS.get(c));
			}
			for (int k = 0; k < 4; k++) {
				assertEquals(numpy.getAsJsonArray("correlation").get(c).getAsJsonArray().get(k).getAsDouble(),
					ours.correlation()[c][k], 1e-5);
			}
		}
	}

	/** The signature of two cases (as a model trained on them would carry), the third case held out. */
	private static ChannelSignature trainedOnOthers(String heldOut) throws IOException {
		List<ChannelSignature> others = new ArrayList<>();
		for (String id : CASES) {
			if (!id.equals(heldOut)) {
				others.add(ChannelSignature.of(normalised(id, Modalities.BRATS)));
			}
		}
		return ChannelSignature.mean(others);
	}

	@Test
	void everyCaseInItsOwnOrderPassesAgainstTheOthers() throws IOException {
		for (String id : CASES) {
			assertNull(ChannelSignature.of(normalised(id, Modalities.BRATS)).clearlyBetterOrder(trainedOnOthers(id)), id);
		}
	}

	@Test
	void swapsInvolvingT2OrFlairAreFoundInEveryCase() throws IOException {
		List<List<String>> swapped = List.of(List.of("t1", "t1ce", "flair", "t2"), List.of("t2", "t1ce", "t1", "flair"),
			List.of("flair", "t1ce", "t2", "t1"), List.of("t1", "t2", "t1ce", "flair"));
		for (String id : CASES) {
			ChannelSignature trained = trainedOnOthers(id);
			for (List<String> order : swapped) {
				int[] found = ChannelSignature.of(normalised(id, order)).clearlyBetterOrder(trained);
				assertNotNull(found, id + " given as " + order);
				int[] truth = order.stream().mapToInt(Modalities.BRATS::indexOf).toArray();
				assertArrayEquals(truth, found, id + " given as " + order);
			}
		}
	}
}
