/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.net.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Runs one AdamW update on a prepared runner and reads back every loss term. */
final class OptimizerStep {

	private OptimizerStep() {
	}

	/**
	 * @param runner       fed with the batch already
	 * @param fed          tensors the caller closes afterwards; the learning rate joins them
	 * @param terms        loss terms by name, fetched as computed before the update
	 * @return the terms, {@code learning_rate}, and the optimiser's step counter after the update
	 */
	static StepResult run(Session.Runner runner, List<Tensor> fed, Placeholder<TFloat32> learningRate,
		AdamW.Minimization minimization, Map<String, Operand<TFloat32>> terms, double lr) {
		TFloat32 rate = TFloat32.scalarOf((float) lr);
		fed.add(rate);
		runner.feed(learningRate, rate).addTarget(minimization.train());
		terms.values().forEach(runner::fetch);
		runner.fetch(minimization.stepAfter());
		try (Result r = runner.run()) {
			Map<String, Double> values = new LinkedHashMap<>();
			int i = 0;
			for (String name : terms.keySet()) {
				values.put(name, Tensors.scalar(r.get(i++)));
			}
			values.put("learning_rate", lr);
			return new StepResult(((TInt64) r.get(i)).getLong(), values);
		}
	}
}
