/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The loss of a training graph as it is assembled: every term by the name the log gives
 * it, and the weighted parts whose sum the optimiser minimises.
 */
public final class LossTerms {

	private final Ops ops;
	private final Map<String, Operand<TFloat32>> named = new LinkedHashMap<>();
	private final List<Operand<TFloat32>> parts = new ArrayList<>();
	private final Operand<TFloat32> distillationScale;

	/**
	 * @param distillationScale a scalar fed every step that multiplies the distillation
	 *                          terms' weights (their warm-up), or null when they keep their weights
	 */
	LossTerms(Ops ops, Operand<TFloat32> distillationScale) {
		this.ops = ops;
		this.distillationScale = distillationScale;
	}

	/** The ops of the loss scope: build terms with these. */
	public Ops ops() {
		return ops;
	}

	/** A term that is logged and enters the total as {@code weight x term}. */
	public void add(String name, double weight, Operand<TFloat32> term) {
		report(name, term);
		addPart(ops.math.mul(ops.constant((float) weight), term));
	}

	/**
	 * A distillation term: logged, and entering the total as {@code weight x term}, times
	 * the warm-up factor of the step when the run warms its distillation terms up.
	 */
	public void addDistillation(String name, double weight, Operand<TFloat32> term) {
		if (distillationScale == null) {
			add(name, weight, term);
			return;
		}
		report(name, term);
		addPart(ops.math.mul(ops.math.mul(ops.constant((float) weight), distillationScale), term));
	}

	/** A term that is logged only (it enters the total inside some {@link #addPart part}). */
	public void report(String name, Operand<TFloat32> term) {
		if (named.putIfAbsent(name, term) != null) {
			throw new IllegalStateException("two loss terms are called " + name);
		}
	}

	/** An already weighted part of the total. */
	public void addPart(Operand<TFloat32> weighted) {
		parts.add(weighted);
	}

	Operand<TFloat32> total() {
		return ops.withName("total").math.addN(parts);
	}

	Map<String, Operand<TFloat32>> named() {
		return named;
	}
}
