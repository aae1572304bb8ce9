/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.NiftiDatatype;
import org.modalitykd.io.NiftiReader;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Same seed, same bytes; the files are BraTS cases that we and nibabel read alike. */
class DeterminismAndFilesTest {

	@TempDir
	Path tmp;

	private Path writeDataset(String folder, long seed) throws IOException {
		Path out = tmp.resolve(folder);
		CaseGenerator generator = new CaseGenerator(SynthFixtures.parametric(4), TumourSettings.standard());
		new SyntheticDataset(generator, "parametric").write(out, 2, seed, "synth", (i, n, c, dir, s) -> {
		});
		return out;
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

	@Test
	void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
		Path a = writeDataset("a", 42);
		Path b = writeDataset("b", 42);
		Path c = writeDataset("c", 43);
		List<Path> names = files(a);
		assertEquals(2 * 5 + 1, names.size(), "two cases of five files and the summary: " + names);
		assertEquals(names, files(b));
		for (Path name : names) {
			assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name + " differs");
		}
		assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("synth_0001/synth_0001_t1.nii.gz")),
			Files.readAllBytes(c.resolve("synth_0001/synth_0001_t1.nii.gz"))), "another seed, another case");
		// Case i does not depend on how many cases are made.
		CaseGenerator generator = new CaseGenerator(SynthFixtures.parametric(4), TumourSettings.standard());
		SyntheticCase alone = generator.generate("synth_0002", SyntheticDataset.caseSeed(42, 1));
		MriCase read = new CaseLoader().load(a.resolve("synth_0002"), null);
		assertArrayEquals(alone.labels().labels(), read.labels().orElseThrow().labels());
		assertArrayEquals(alone.images().channel("flair"), read.images().channel("flair"));
	}

	@Test
	void casesAreBratsFoldersReadableByOurReaderAndByNibabel() throws IOException {
		Path out = writeDataset("set", 7);
		List<CaseFiles> cases = BratsLayout.casesUnder(out);
		assertEquals(2, cases.size());
		NiftiReader reader = new NiftiReader();
		List<Path> all = new ArrayList<>();
		List<double[]> ourSums = new ArrayList<>();
		for (CaseFiles f : cases) {
			assertEquals(Modalities.BRATS, f.modalityNames());
			assertTrue(f.labels().isPresent());
			MriCase c = new CaseLoader().load(f, null);
			assertEquals(SynthFixtures.parametric(4).geometry().dims()[0], c.images().geometry().nx());
			for (String m : Modalities.BRATS) {
				Path file = f.modalities().get(m);
				assertEquals(NiftiDatatype.FLOAT32, reader.readHeader(file).datatype(), file.toString());
				all.add(file);
				ourSums.add(new double[] { sum(c.images().channel(m)) });
			}
			Path seg = f.labels().get();
			assertEquals(NiftiDatatype.UINT8, reader.readHeader(seg).datatype());
			long[] h = c.labels().orElseThrow().histogram();
			assertEquals(0, h[3]);
			all.add(seg);
			ourSums.add(new double[] { h[1] + 2.0 * h[2] + 4.0 * h[4] });
		}
		List<JsonElement> nib = References.nibabelReport(all.toArray(Path[]::new));
		assertEquals(all.size(), nib.size());
		var geometry = SynthFixtures.parametric(4).geometry();
		for (int i = 0; i < all.size(); i++) {
			JsonObject o = nib.get(i).getAsJsonObject();
			String name = all.get(i).getFileName().toString();
			assertEquals(name.contains("_seg") ? "uint8" : "float32", o.get("datatype").getAsString(), name);
			for (int d = 0; d < 3; d++) {
				assertEquals(geometry.dims()[d], o.getAsJsonArray("shape").get(d).getAsInt(), name + " shape");
				for (int col = 0; col < 4; col++) {
					assertEquals(geometry.affine().get(d, col), o.getAsJsonArray("affine").get(d).getAsJsonArray().get(col).getAsDouble(),
						1e-4, name + " affine");
				}
			}
			assertEquals(2, o.get("qform_code").getAsInt(), name);
			assertEquals(2, o.get("sform_code").getAsInt(), name);
			assertEquals(ourSums.get(i)[0], o.get("sum").getAsDouble(), 1e-9 * Math.abs(ourSums.get(i)[0]), name + " sum");
		}
		String summary = Files.readString(out.resolve(SyntheticDataset.SUMMARY));
		assertEquals(3, summary.lines().count(), summary);
		assertTrue(summary.lines().skip(1).allMatch(l -> l.startsWith("synth_000") && l.contains("\tparametric\t4\t")), summary);
	}

	private static double sum(float[] values) {
		double s = 0;
		for (float v : values) {
			s += v;
		}
		return s;
	}
}
