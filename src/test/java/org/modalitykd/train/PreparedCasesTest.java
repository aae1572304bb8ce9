/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.data.Augmentation;
import org.modalitykd.data.BatchSource;
import org.modalitykd.data.CaseCache;
import org.modalitykd.data.PatchSampler;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.infer.IntensityNormalizer;
import org.modalitykd.io.FolderCopy;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelCard;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Prepared cases hold what the NIfTI files give once normalised (checked here and by
 * nibabel); a changed, truncated or deleted source, an interrupted preparation, a
 * damaged array and a full disk are each found and either prepared again or refused in
 * one line, never taken for a complete case.
 */
class PreparedCasesTest {

	private static final ModelCard.IntensityNormalization Z = new ModelCard.IntensityNormalization(
		ModelCard.IntensityNormalization.ZSCORE_NONZERO);

	@TempDir
	Path tmp;
	Path data;
	Path root;
	final List<String> messages = new ArrayList<>();

	@BeforeEach
	void copyCases() throws IOException {
		Path from = TrainingFixtures.syntheticCases();
		data = tmp.resolve("cases");
		FolderCopy.copy(from, data, StandardCopyOption.COPY_ATTRIBUTES);
		root = tmp.resolve("prepared");
	}

	private TrainingDataset dataset() throws IOException {
		return TrainingDataset.load(data, Modalities.BRATS);
	}

	private PreparedCases open() throws IOException {
		return open(UnaryOperator.identity());
	}

	private PreparedCases open(UnaryOperator<OutputStream> sink) throws IOException {
		TrainingDataset d = dataset();
		return PreparedCases.open(d, d.ids(), Z, root, messages::add, sink);
	}

	/** The case normalised from its files as training did before cases were prepared. */
	private TrainingCase reference(String id) throws IOException {
		LabelledCase raw = dataset().read(id);
		return TrainingCase.of(id, raw.images(), raw.labels(), IntensityNormalizer.of(Z));
	}

	/** Every voxel of the grid (and around it) as patches read it. */
	private static void assertSameCase(TrainingCase expected, TrainingCase actual) {
		assertArrayEquals(expected.grid(), actual.grid(), expected.id());
		assertArrayEquals(expected.foreground(), actual.foreground(), expected.id());
		int[] g = expected.grid();
		PatchSampler whole = new PatchSampler(new int[] { g[0] + 4, g[1] + 4, g[2] + 4 });
		var a = whole.extract(expected, new int[] { -2, -2, -2 });
		var b = whole.extract(actual, new int[] { -2, -2, -2 });
		assertArrayEquals(a.image(), b.image(), expected.id() + ": images");
		assertArrayEquals(a.classes(), b.classes(), expected.id() + ": classes");
	}

	private Path caseDir(PreparedCases store, String id) {
		return store.folder().resolve(id);
	}

	private Path t1(String id) {
		return data.resolve(id).resolve(id + "_t1.nii.gz");
	}

	@Test
	void preparedCasesAreTheNormalisedFilesCroppedAndAreReusedNextTime() throws IOException {
		PreparedCases store = open();
		assertEquals(1, messages.size(), messages.toString());
		assertTrue(messages.get(0).startsWith("prepared 5 of 5 cases in "), messages.get(0));
		for (int i = 0; i < store.size(); i++) {
			String id = store.ids().get(i);
			TrainingCase c = store.load(i);
			assertSameCase(reference(id), c);
			long box = c.images().geometry().voxelCount();
			long grid = (long) c.grid()[0] * c.grid()[1] * c.grid()[2];
			assertTrue(box < grid, id + ": the box (" + box + " voxels) is smaller than the grid (" + grid + ")");
			assertEquals(store.shape(i).bytes(), c.bytes());
		}
		messages.clear();
		PreparedCases again = open();
		assertEquals(List.of(), messages, "nothing prepared again");
		assertSameCase(reference(again.ids().get(2)), again.load(2));
	}

	@Test
	void nibabelReadsThePreparedArraysAsTheZScoredNifti() throws IOException {
		References.requireNibabel();
		PreparedCases store = open();
		Path dir = caseDir(store, store.ids().get(1));
		String script = String.join("\n",
			"import json, sys, numpy as np, nibabel as nib",
			"d = sys.argv[1]; m = json.load(open(d + '/case.json'))",
			"o = m['box']['origin']; s = m['box']['size']",
			"img = np.fromfile(d + '/images.f32', dtype='<f4').reshape(len(m['modalities']), s[2], s[1], s[0])",
			"cls = np.fromfile(d + '/classes.u8', dtype='u1').reshape(s[2], s[1], s[0])",
			"src = {x['path'].split('_')[-1].split('.')[0]: x['path'] for x in m['sources']}",
			"worst = 0.0; outside = 0.0",
			"for c, mod in enumerate(m['modalities']):",
			"    v = np.asarray(nib.load(src[mod]).dataobj).astype(np.float64)",
			"    nz = (v != 0) & np.isfinite(v)",
			"    z = np.zeros_like(v); z[nz] = (v[nz] - v[nz].mean()) / v[nz].std()",
			"    box = z[o[0]:o[0]+s[0], o[1]:o[1]+s[1], o[2]:o[2]+s[2]].transpose(2, 1, 0)",
			"    worst = max(worst, float(np.abs(box - img[c]).max()))",
			"    outside = max(outside, float(np.abs(z).sum() - np.abs(box).sum()))",
			"seg = np.asarray(nib.load(src['seg']).dataobj).astype(np.int64)",
			"want = np.select([seg == 4, seg == 2, seg == 1], [3, 2, 1], 0)",
			"wbox = want[o[0]:o[0]+s[0], o[1]:o[1]+s[1], o[2]:o[2]+s[2]].transpose(2, 1, 0)",
			"print(json.dumps({'worst': worst, 'outside': outside, 'classes': bool((wbox == cls).all()),",
			"    'fg_outside': int(want.astype(bool).sum() - wbox.astype(bool).sum()), 'fg': int(want.astype(bool).sum()),",
			"    'foreground': m['foreground']}))");
		References.Run r = References.run(List.of(References.PYTHON.toString(), "-c", script, dir.toString()));
		assertEquals(0, r.exitCode(), r.stderr());
		JsonObject o = JsonParser.parseString(r.stdout().trim()).getAsJsonObject();
		assertTrue(o.get("worst").getAsDouble() < 1e-4, "float32 z-scores within 1e-4 of nibabel's: " + o);
		assertTrue(o.get("outside").getAsDouble() < 1e-6, "nothing but zeros outside the box: " + o);
		assertTrue(o.get("classes").getAsBoolean(), "the classes are the BraTS labels mapped 0,1,2,4 -> 0,1,2,3: " + o);
		assertEquals(0, o.get("fg_outside").getAsInt(), "no tumour outside the box");
		assertEquals(o.get("fg").getAsInt(), o.get("foreground").getAsInt(), "the recorded tumour voxel count");
	}

	@Test
	void aChangedSourceIsPreparedAgainAndATouchedOneIsNot() throws IOException {
		PreparedCases store = open();
		String a = store.ids().get(0);
		String b = store.ids().get(1);
		// Same content, newer time: the checksum tells it is the same.
		Files.setLastModifiedTime(t1(a), FileTime.fromMillis(Files.getLastModifiedTime(t1(a)).toMillis() + 60_000));
		messages.clear();
		open();
		assertEquals(List.of(), messages, "a touched file is not prepared again");
		// Other content: case b's t1 under case a's name.
		Files.copy(t1(b), t1(a), StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(t1(a), FileTime.fromMillis(Files.getLastModifiedTime(t1(a)).toMillis() + 120_000));
		messages.clear();
		PreparedCases again = open();
		assertTrue(messages.stream().anyMatch(m -> m.contains("case " + a + ": " + t1(a) + " changed since it was prepared")),
			messages.toString());
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("prepared 1 of 5 cases")), messages.toString());
		assertSameCase(reference(a), again.load(0));
	}

	@Test
	void aTruncatedSourceIsRefusedInOneLineNamingTheFile() throws IOException {
		PreparedCases store = open();
		String id = store.ids().get(3);
		byte[] bytes = Files.readAllBytes(t1(id));
		Files.write(t1(id), java.util.Arrays.copyOf(bytes, bytes.length / 2));
		IOException e = assertThrows(IOException.class, this::open);
		assertTrue(e.getMessage().contains(t1(id).getFileName().toString()), e.getMessage());
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
		assertTrue(messages.stream().anyMatch(m -> m.contains("changed since it was prepared")), messages.toString());
	}

	@Test
	void aDeletedSourceIsRefusedInOneLineNamingTheFile() throws IOException {
		open();
		TrainingDataset d = dataset();
		String id = d.ids().get(2);
		Files.delete(t1(id));
		NoSuchFileException e = assertThrows(NoSuchFileException.class,
			() -> PreparedCases.open(d, d.ids(), Z, root, messages::add));
		assertEquals(t1(id).toString(), e.getFile());
		assertTrue(e.getMessage().contains("is gone; restore it"), e.getMessage());
		// Opened afresh, the dataset itself says the case lacks the file.
		IllegalArgumentException later = assertThrows(IllegalArgumentException.class, this::dataset);
		assertTrue(later.getMessage().contains("case " + id + " has no t1 image"), later.getMessage());
	}

	@Test
	void anInterruptedPreparationLeavesNothingTakenForComplete() throws IOException {
		TrainingDataset d = dataset();
		Path folder = PreparedCases.folderOf(root, d, Z);
		String victim = d.ids().get(2);
		// Dies while writing the third case's images (each case writes images, classes, manifest).
		int[] streams = { 0 };
		UnaryOperator<OutputStream> dies = out -> streams[0]++ != 6 ? out : new FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len / 2);
				throw new IllegalStateException("killed");
			}
		};
		assertThrows(IllegalStateException.class, () -> open(dies));
		assertFalse(Files.exists(folder.resolve(victim)), "no folder under the case's name");
		// A killed process leaves its temporary folder and an unlocked lock file.
		Path leftover = folder.resolve("." + victim + ".k1ll3d");
		Files.createDirectories(leftover);
		Files.write(leftover.resolve(PreparedCases.IMAGES), new byte[100]);
		Files.createFile(folder.resolve("." + victim + ".k1ll3d.lock"));
		// And a case folder without its manifest, and one with a truncated array.
		String noManifest = d.ids().get(0);
		Files.delete(folder.resolve(noManifest).resolve(PreparedCases.MANIFEST));
		String shortArray = d.ids().get(1);
		Path images = folder.resolve(shortArray).resolve(PreparedCases.IMAGES);
		byte[] bytes = Files.readAllBytes(images);
		Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 4));
		messages.clear();
		PreparedCases store = open();
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("removed 2 temporary file(s) left by a killed run")),
			messages.toString());
		assertTrue(messages.stream().anyMatch(m -> m.contains("case " + shortArray + ": the prepared arrays")
			&& m.contains("are incomplete")), messages.toString());
		// The two damaged cases, the one that was killed and the two never reached.
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("prepared 5 of 5 cases")), messages.toString());
		assertFalse(Files.exists(leftover));
		for (int i = 0; i < store.size(); i++) {
			assertSameCase(reference(store.ids().get(i)), store.load(i));
		}
	}

	@Test
	void aDamagedArrayIsFoundWhenReadAndPreparedAgain() throws IOException {
		PreparedCases store = open();
		Path images = caseDir(store, store.ids().get(4)).resolve(PreparedCases.IMAGES);
		byte[] bytes = Files.readAllBytes(images);
		bytes[bytes.length / 2] ^= 0x40;
		Files.write(images, bytes);
		messages.clear();
		assertSameCase(reference(store.ids().get(4)), store.load(4));
		assertTrue(messages.stream().anyMatch(m -> m.contains("does not match its checksum; preparing it again")),
			messages.toString());
	}

	@Test
	void aFullDiskGivesOneLineAndLeavesNoHalfCase() throws IOException {
		TrainingDataset d = dataset();
		Path folder = PreparedCases.folderOf(root, d, Z);
		long[] bytes = { 0 };
		UnaryOperator<OutputStream> full = out -> new FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				bytes[0] += len;
				if (bytes[0] > 300_000) {
					throw new IOException("No space left on device");
				}
				out.write(b, off, len);
			}
		};
		IOException e = assertThrows(IOException.class, () -> open(full));
		assertTrue(e.getMessage().startsWith(folder + ": no space left on the device while preparing case "),
			e.getMessage());
		assertTrue(e.getMessage().contains("free some space or give another folder with --prepared-dir"), e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
		try (Stream<Path> left = Files.list(folder)) {
			List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
			// Cases before the full disk are complete; no temporary folder or half case remains.
			for (String n : names) {
				assertFalse(n.startsWith("."), "a temporary left: " + names);
				assertTrue(Files.isRegularFile(folder.resolve(n).resolve(PreparedCases.MANIFEST)), n + " is complete");
			}
			assertTrue(names.size() < d.size(), names.toString());
		}
		messages.clear();
		PreparedCases store = open();
		assertEquals(d.size(), store.size());
		assertSameCase(reference(store.ids().get(4)), store.load(4));
	}

	@Test
	void trainingHoldsNoMoreThanTheCacheBudgetOfCases() throws Exception {
		PreparedCases store = open();
		long oneCase = 0;
		for (int i = 0; i < store.size(); i++) {
			oneCase = Math.max(oneCase, store.shape(i).bytes());
		}
		int[] loads = new int[1];
		try (CaseCache cache = new CaseCache(store, oneCase, true);
			BatchSource source = new BatchSource(cache, new PatchSampler(new int[] { 16, 16, 16 }), Augmentation.defaults(),
				2, 0.5, 3, 0, 2)) {
			for (int s = 0; s < 30; s++) {
				source.next();
				assertTrue(cache.heldCases() <= 1 && cache.heldBytes() <= oneCase, cache.toString());
			}
			assertTrue(cache.peakBytes() <= oneCase);
			loads[0] = cache.loads();
		}
		assertTrue(loads[0] > store.size(), "cases were read again, not held: " + loads[0]);
	}
}
