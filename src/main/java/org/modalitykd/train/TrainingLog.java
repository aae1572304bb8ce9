/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modalitykd.io.AtomicFile;

/**
 * The CSV log of a run: one row per step with {@code step}, every loss term, the
 * learning rate, and the validation Dice columns (empty on steps without validation).
 * Rows are kept in memory and the file is replaced atomically by {@link #write}, which
 * the run calls with each checkpoint, so that file and checkpoint always agree.
 * Values are written with full precision (Java's shortest round-trip form).
 */
final class TrainingLog {

	static final List<String> VALIDATION_COLUMNS = List.of("val_dice_wt", "val_dice_tc", "val_dice_et", "val_dice_mean");

	private final Path file;
	private final List<String> terms;
	private final List<String> rows = new ArrayList<>();

	/** @param terms the loss-term columns, in order ({@link Trainer#termNames()}) */
	TrainingLog(Path file, List<String> terms) {
		this.file = file;
		this.terms = List.copyOf(terms);
	}

	/** Keeps the rows of steps up to {@code step} from the file (a resumed run repeats later ones). */
	void keepUpTo(long step) throws IOException {
		if (!Files.isRegularFile(file)) {
			return;
		}
		Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
			.filter(l -> Long.parseLong(l.substring(0, l.indexOf(','))) <= step).forEach(rows::add);
	}

	/** @param validation the metrics ({@code dice_wt}, ...) when this step validated, else null */
	void add(StepResult r, Map<String, Double> validation) {
		StringBuilder b = new StringBuilder(Long.toString(r.step()));
		for (String n : terms) {
			b.append(',').append(r.terms().get(n));
		}
		for (String k : VALIDATION_COLUMNS) {
			b.append(',');
			if (validation != null) {
				b.append(validation.get(k.substring("val_".length())));
			}
		}
		rows.add(b.toString());
	}

	void write() throws IOException {
		StringBuilder b = new StringBuilder("step,").append(String.join(",", terms)).append(',')
			.append(String.join(",", VALIDATION_COLUMNS)).append('\n');
		rows.forEach(r -> b.append(r).append('\n'));
		AtomicFile.writeString(file, b.toString());
	}
}
