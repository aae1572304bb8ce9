/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.modalitykd.data.CaseStore;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.infer.IntensityNormalizer;
import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.io.StaleTemporaries;
import org.modalitykd.net.ModelCard;

/**
 * Training cases prepared once and read on demand: each case cropped to the box outside
 * which every normalised channel and the labels are 0, normalised as training always
 * normalises ({@link IntensityNormalizer}), and stored as raw arrays that are read
 * without decoding a NIfTI file.
 * <p>
 * On disk, under the folder of a dataset ({@link #folderOf}), one folder per case:
 * <ul>
 * <li>{@code images.f32}: the normalised channels on the box, little-endian float32,
 * channel after channel, each z slices of y rows of x voxels (x fastest);</li>
 * <li>{@code classes.u8}: the class index 0..3 of every box voxel, same order;</li>
 * <li>{@code case.json}: format and version, id, modalities, normalisation, the whole
 * grid, voxel size, the box, the tumour voxel count, the arrays' sizes and CRC-32C,
 * and of every source file its path, size, modification time and SHA-256.</li>
 * </ul>
 * A case folder is written as a whole into a hidden temporary folder and renamed into
 * place ({@link AtomicDirectory}), so a killed or failed preparation leaves no folder
 * under a case's name, only a temporary one that the next opening removes. A case is
 * prepared again when its folder is missing, its manifest unreadable or of another
 * format, modalities or normalisation, its arrays not of the recorded size, or a source
 * file's size changed, or its modification time changed and its SHA-256 with it. An
 * array whose checksum does not match when it is read is prepared again too.
 * Thread-safe. The parts: {@link PreparedCaseCheck} (is a prepared case current),
 * {@link PreparedCaseWriter} (prepare one), {@link PreparedCaseReader} (read one back).
 */
public final class PreparedCases implements CaseStore {

	/** The format of a prepared case; a case of another version is prepared again. */
	public static final int FORMAT_VERSION = 1;
	static final String FORMAT = "modalitykd-prepared-case";
	static final String MANIFEST = "case.json";
	static final String IMAGES = "images.f32";
	static final String CLASSES = "classes.u8";
	static final int CHUNK = 1 << 20;

	private final Path folder;
	private final PreparedCaseCheck checker;
	private final PreparedCaseWriter writer;
	private final PreparedCaseReader reader;
	private final Consumer<String> messages;
	private final List<PreparedCase> cases = new ArrayList<>();

	private PreparedCases(TrainingDataset data, ModelCard.IntensityNormalization normalization, Path folder,
		UnaryOperator<OutputStream> sink, Consumer<String> messages) {
		this.folder = folder;
		PreparedFolder prepared = new PreparedFolder(data, normalization, folder);
		this.checker = new PreparedCaseCheck(prepared, messages);
		this.writer = new PreparedCaseWriter(prepared, sink);
		this.reader = new PreparedCaseReader(data, folder);
		this.messages = messages;
	}

	/**
	 * The cases {@code ids} of {@code data}, prepared now where they are not, or not any
	 * more, under {@code root}. Every case is read at most once here, one at a time.
	 *
	 * @param messages told what was prepared and why
	 * @throws IOException              when a source cannot be read, or the prepared data
	 *                                  cannot be written (one line, naming the file and what to do)
	 * @throws IllegalArgumentException when a case is unusable for training ({@link TrainingDataset#read})
	 */
	public static PreparedCases open(TrainingDataset data, List<String> ids, ModelCard.IntensityNormalization norm,
		Path root, Consumer<String> messages) throws IOException {
		return open(data, ids, norm, root, messages, UnaryOperator.identity());
	}

	/** The same, with every array written through {@code sink} (tests: a full disk). */
	static PreparedCases open(TrainingDataset data, List<String> ids, ModelCard.IntensityNormalization norm, Path root,
		Consumer<String> messages, UnaryOperator<OutputStream> sink) throws IOException {
		Path folder = folderOf(root, data, norm);
		try {
			Files.createDirectories(folder);
		} catch (IOException e) {
			throw new IOException(folder + ": cannot create the folder for prepared cases (" + PreparedCaseJson.reason(e)
				+ "); choose a writable one with --prepared-dir", e);
		}
		StaleTemporaries.removeIn(folder).report(folder).forEach(messages);
		PreparedCases store = new PreparedCases(data, norm, folder, sink, messages);
		int prepared = 0;
		for (String id : ids) {
			PreparedCase p = store.checker.check(id);
			if (p == null) {
				p = store.writer.prepare(id);
				prepared++;
			}
			store.cases.add(p);
		}
		if (prepared > 0) {
			messages.accept("prepared " + prepared + " of " + ids.size() + " cases in " + folder);
		}
		return store;
	}

	/**
	 * The folder of a dataset's prepared cases under {@code root}: the dataset folder's
	 * name and a hash of its absolute path, modalities and normalisation, so that
	 * different datasets and different channel sets never share a folder (and subsets of
	 * one dataset do).
	 */
	public static Path folderOf(Path root, TrainingDataset data, ModelCard.IntensityNormalization norm) {
		Path dataset = data.root().orElseThrow(() -> new IllegalArgumentException(data.source()
			+ ": cases given in memory are not prepared on disk"));
		String key = dataset + "\n" + String.join(",", data.modalities()) + "\n" + PreparedCaseJson.describe(norm) + "\n" + FORMAT_VERSION;
		Path name = dataset.getFileName();
		String base = name == null ? "data" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
		return root.resolve(base + "-" + PreparedCaseJson.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
	}

	/** Where the cases are. */
	public Path folder() {
		return folder;
	}

	public synchronized List<String> ids() {
		return cases.stream().map(PreparedCase::id).toList();
	}

	@Override
	public synchronized int size() {
		return cases.size();
	}

	@Override
	public Shape shape(int index) {
		return prepared(index).shape();
	}

	/** A case's record; a case prepared again while training replaces it. */
	private synchronized PreparedCase prepared(int index) {
		return cases.get(index);
	}

	/**
	 * Reads case {@code index} from its arrays; one whose arrays do not match their
	 * checksums is prepared again from its sources first.
	 */
	@Override
	public TrainingCase load(int index) throws IOException {
		PreparedCase p = prepared(index);
		try {
			return reader.read(p);
		} catch (PreparedCaseReader.DamagedException e) {
			messages.accept(e.getMessage() + "; preparing it again");
			PreparedCase again;
			synchronized (this) {
				again = writer.prepare(p.id());
				cases.set(index, again);
			}
			return reader.read(again);
		}
	}
}
