/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.modalitykd.io.AtomicFile;

/**
 * A folder of synthetic BraTS cases: {@code <out>/<prefix>_0001/ ...} plus
 * {@code <out>/synth-cases.tsv}, one row per case with its seed, tumour volumes and the
 * name of the generator's settings (last column, {@code settings}).
 * Case i's seed depends only on the dataset seed and i, so the first cases of a large
 * set are the cases of a small one with the same seed.
 */
public final class SyntheticDataset {

	/** The summary table's file name. */
	public static final String SUMMARY = "synth-cases.tsv";

	/** Told about each case once its files are written. */
	@FunctionalInterface
	public interface Listener {
		/**
		 * @param index   0-based position of the case
		 * @param total   number of cases being written
		 * @param seconds time spent on this case (generation and writing)
		 */
		void written(int index, int total, SyntheticCase c, Path folder, double seconds);
	}

	private final CaseGenerator generator;
	private final String anatomyName;
	private final BratsCaseWriter writer = new BratsCaseWriter();

	/**
	 * @param generator   makes the cases
	 * @param anatomyName recorded in the summary, e.g. {@code colin27}
	 */
	public SyntheticDataset(CaseGenerator generator, String anatomyName) {
		this.generator = generator;
		this.anatomyName = anatomyName;
	}

	/** The seed of case {@code index} (0-based) of a dataset with seed {@code datasetSeed}. */
	public static long caseSeed(long datasetSeed, int index) {
		return new java.util.SplittableRandom(datasetSeed + 0x9E3779B97F4A7C15L * (index + 1L)).nextLong();
	}

	/** {@code <prefix>_0001} for index 0. */
	public static String caseId(String prefix, int index) {
		return String.format(Locale.ROOT, "%s_%04d", prefix, index + 1);
	}

	/** Generates and writes {@code cases} cases into {@code out} (created if missing). */
	public void write(Path out, int cases, long seed, String prefix, Listener listener) throws IOException {
		if (cases < 1) {
			throw new IllegalArgumentException("the number of cases must be at least 1, not " + cases);
		}
		if (Files.exists(out) && !Files.isDirectory(out)) {
			throw new IllegalArgumentException(out + " is a file; give a folder for the cases");
		}
		try {
			Files.createDirectories(out);
		} catch (IOException e) {
			throw new IOException(out + ": cannot create the output folder (" + e.getClass().getSimpleName() + ")", e);
		}
		StringBuilder summary = new StringBuilder(
			"case_id\tseed\tanatomy\tspacing_mm\tlesions\tenhancing\twt_ml\ttc_ml\tet_ml\tsettings\n");
		for (int i = 0; i < cases; i++) {
			long start = System.nanoTime();
			String id = caseId(prefix, i);
			SyntheticCase c = generator.generate(id, caseSeed(seed, i));
			Path folder = writer.write(c, out);
			listener.written(i, cases, c, folder, (System.nanoTime() - start) / 1e9);
			double wt = c.labelVolumeMl(1) + c.labelVolumeMl(2) + c.labelVolumeMl(4);
			double tc = c.labelVolumeMl(1) + c.labelVolumeMl(4);
			summary.append(String.format(Locale.ROOT, "%s\t%d\t%s\t%s\t%d\t%b\t%.3f\t%.3f\t%.3f\t%s\n", id, c.seed(),
				anatomyName, formatSpacing(generator.grid().spacing()[0]), c.lesions().size(), c.enhancing(), wt, tc,
				c.labelVolumeMl(4), generator.settings().name()));
		}
		try (AtomicFile file = AtomicFile.create(out.resolve(SUMMARY))) {
			Writer w = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
			w.write(summary.toString());
			w.flush();
			file.commit();
		}
	}

	private static String formatSpacing(double mm) {
		return mm == Math.rint(mm) ? Long.toString((long) mm) : Double.toString(mm);
	}
}
