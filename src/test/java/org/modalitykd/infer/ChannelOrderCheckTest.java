/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TestDevice;
import org.modalitykd.data.ZScoreNormalizer;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ChannelSignature;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCardJson;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.Volume;

/**
 * A case whose files are swapped, or a card whose modality list was reordered by hand,
 * is refused before segmentation when the card carries the training data's channel
 * signature; the shipped teacher, given the signature of two sample cases, is the model.
 */
class ChannelOrderCheckTest {

	@TempDir
	static Path tmp;
	static Path teacher;

	@BeforeAll
	static void teacherWithASignature() throws IOException {
		List<ChannelSignature> training = new ArrayList<>();
		for (String id : List.of("synth_0001", "synth_0002")) {
			Volume v = load(id, Modalities.BRATS);
			float[][] n = new float[4][];
			for (int c = 0; c < 4; c++) {
				n[c] = ZScoreNormalizer.normalise(v.channel(c));
			}
			training.add(ChannelSignature.of(n));
		}
		teacher = copy(Path.of("sample-data/models/teacher"), tmp.resolve("teacher"));
		ModelCard card = ModelBundle.readCard(teacher).withChannelSignature(ChannelSignature.mean(training));
		Files.writeString(teacher.resolve(ModelBundle.CARD_FILE), ModelCardJson.write(card), StandardCharsets.UTF_8);
	}

	private static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path p : (Iterable<Path>) walk::iterator) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				} else {
					Files.copy(p, target);
				}
			}
		}
		return to;
	}

	private static Volume load(String id, List<String> modalities) throws IOException {
		return new CaseLoader().load(Path.of("sample-data", id), modalities).images();
	}

	/** The case with the images of two modalities exchanged under their names, as mislabelled files would be. */
	private static Volume swapped(Volume v, String a, String b) {
		List<String> names = v.channelNames();
		float[][] channels = new float[names.size()][];
		for (int c = 0; c < channels.length; c++) {
			String n = names.get(c);
			channels[c] = v.channel(names.indexOf(n.equals(a) ? b : n.equals(b) ? a : n));
		}
		return new Volume(v.geometry(), names, channels);
	}

	private static Segmentation segment(Path bundle, Volume v, boolean check) throws IOException {
		try (ModelBundle b = ModelBundle.load(bundle, TestDevice.session())) {
			return new Segmenter(b, InferenceSettings.defaults().withChannelOrderCheck(check)).segment(v, false,
				(done, total) -> {
				});
		}
	}

	@Test
	void aCaseInTheRightOrderIsSegmented() throws IOException {
		Segmentation s = segment(teacher, load("synth_0003", Modalities.BRATS), true);
		assertTrue(s.labels().histogram()[2] > 0, "edema found");
	}

	@Test
	void t2AndFlairFilesSwappedAreRefusedWithOneLine() throws IOException {
		Volume v = swapped(load("synth_0003", Modalities.BRATS), "t2", "flair");
		ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> segment(teacher, v, true));
		assertEquals(1, e.getMessage().lines().count());
		assertTrue(e.getMessage().contains("the t2 image looks like flair") && e.getMessage().contains(
			"the flair image looks like t2") && !e.getMessage().contains("t1 image"), e.getMessage());
		// The user who knows better can turn the check off.
		segment(teacher, v, false);
	}

	@Test
	void aCardWhoseModalitiesWereReorderedByHandIsRefused() throws IOException {
		Path edited = copy(teacher, tmp.resolve("edited"));
		String json = Files.readString(edited.resolve(ModelBundle.CARD_FILE));
		// Swap t1 and t2 in the modality list only: the network still reads t1 first.
		String reordered = json.replaceFirst("\"t1\",(\\s*)\"t1ce\",(\\s*)\"t2\"", "\"t2\",$1\"t1ce\",$2\"t1\"");
		assertTrue(!reordered.equals(json));
		Files.writeString(edited.resolve(ModelBundle.CARD_FILE), reordered);
		ModelMismatchException e = assertThrows(ModelMismatchException.class,
			() -> segment(edited, load("synth_0003", Modalities.BRATS), true));
		assertTrue(e.getMessage().contains("look swapped"), e.getMessage());
	}

	@Test
	void aCardThatWritesNonBratsLabelsIsRefused() throws IOException {
		Path edited = copy(teacher, tmp.resolve("labels"));
		String json = Files.readString(edited.resolve(ModelBundle.CARD_FILE));
		Files.writeString(edited.resolve(ModelBundle.CARD_FILE), json.replaceFirst("2,(\\s*)4(\\s*)\\]", "2,$13$2]"));
		IOException e = assertThrows(IOException.class, () -> ModelBundle.readCard(edited));
		assertEquals(1, e.getMessage().lines().count());
		assertTrue(e.getMessage().contains("3, which is not a BraTS label"), e.getMessage());
	}
}
