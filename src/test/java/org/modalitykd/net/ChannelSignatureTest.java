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

	@Test
	void oneImageIsMatchedToTheSlotWhoseTrainingImagesItFits() throws IOException {
		// Slots t2 and flair from two sample cases each; the third case's images against them.
		List<ChannelSignature> t2 = new ArrayList<>();
		List<ChannelSignature> flair = new ArrayList<>();
		for (String id : CASES.subList(0, 2)) {
			t2.add(ChannelSignature.of(normalised(id, List.of("t2"))));
			flair.add(ChannelSignature.of(normalised(id, List.of("flair"))));
		}
		ChannelSignature slots = ChannelSignature.perSlot(List.of(ChannelSignature.mean(t2), ChannelSignature.mean(flair)));
		assertEquals(2, slots.channels());
		assertArrayEquals(new double[] { 1, 0 }, slots.correlation()[0]);
		assertArrayEquals(ChannelSignature.mean(flair).deciles()[0], slots.deciles()[1]);
		ChannelSignature caseT2 = ChannelSignature.of(normalised("synth_0003", List.of("t2")));
		ChannelSignature caseFlair = ChannelSignature.of(normalised("synth_0003", List.of("flair")));
		assertEquals(-1, caseT2.clearlyBetterSlot(slots, 0), "a T2 given as T2");
		assertEquals(-1, caseFlair.clearlyBetterSlot(slots, 1), "a FLAIR given as FLAIR");
		assertEquals(1, caseFlair.clearlyBetterSlot(slots, 0), "a FLAIR given as T2 looks like the FLAIR slot");
		assertEquals(0, caseT2.clearlyBetterSlot(slots, 1), "a T2 given as FLAIR looks like the T2 slot");
	}

	@Test
	void theSlotRuleByHand() {
		// Deciles 0.1 apart per decile from slot 0 and 0.5 from slot 1: distances 0.1 and 0.5.
		double[] base = { -1.2, -0.9, -0.6, -0.3, 0, 0.3, 0.6, 0.9, 1.2 };
		double[] plus01 = base.clone();
		double[] plus05 = base.clone();
		for (int j = 0; j < 9; j++) {
			plus01[j] += 0.1;
			plus05[j] += 0.5;
		}
		ChannelSignature slots = ChannelSignature.perSlot(List.of(one(plus01), one(plus05)));
		ChannelSignature image = one(base);
		// Claimed slot 1 (0.5 away), slot 0 is 0.1 away: 5x closer and 0.4 closer -> slot 0.
		assertEquals(0, image.clearlyBetterSlot(slots, 1));
		assertEquals(-1, image.clearlyBetterSlot(slots, 0));
		// 0.12 against 0.05: 2.4x closer but only 0.07 closer, under the 0.1 margin -> no verdict.
		ChannelSignature near = ChannelSignature.perSlot(List.of(one(shift(base, 0.05)), one(shift(base, 0.12))));
		assertEquals(-1, image.clearlyBetterSlot(near, 1));
		// 0.35 against 0.2: 0.15 closer but only 1.75x -> no verdict.
		ChannelSignature ratio = ChannelSignature.perSlot(List.of(one(shift(base, 0.2)), one(shift(base, 0.35))));
		assertEquals(-1, image.clearlyBetterSlot(ratio, 1));
	}

	private static double[] shift(double[] d, double by) {
		double[] out = d.clone();
		for (int j = 0; j < out.length; j++) {
			out[j] += by;
		}
		return out;
	}

	private static ChannelSignature one(double[] deciles) {
		return new ChannelSignature(new double[][] { deciles }, new double[][] { { 1 } });
	}
}
