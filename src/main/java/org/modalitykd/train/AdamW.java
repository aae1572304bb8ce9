/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.ArrayList;
import java.util.List;

import org.modalitykd.net.VariableStore;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Builds the AdamW update of an explicit list of variables (so that a frozen teacher
 * in the same graph stays untouched), with global-norm gradient clipping.
 * <p>
 * Ordering: every update is scaled by the global norm, which depends on every
 * gradient, so all gradients (and the forward pass they read) are computed before any
 * variable changes; the step counter moves after all updates.
 */
public final class AdamW {

	/**
	 * The built update.
	 *
	 * @param train        run this (as a target) for one step
	 * @param gradientNorm the global L2 norm of the gradients before clipping
	 * @param step         steps taken so far (int64 variable, saved in checkpoints)
	 * @param stepAfter    the step counter after this step's increment (fetch it with {@code train})
	 */
	public record Minimization(Op train, Operand<TFloat32> gradientNorm, Variable<TInt64> step,
		Operand<TInt64> stepAfter) {
	}

	private AdamW() {
	}

	/**
	 * @param variables    what to update (e.g. {@code store.trainableEntries()})
	 * @param learningRate a scalar input, fed per step from a schedule
	 * @param slots        where the moment estimates live (a store with its own prefix)
	 * @param extraUpdates ops to run with each step (batch-norm running averages)
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static Minimization minimize(Ops tf, Operand<TFloat32> loss, List<VariableStore.Entry> variables,
		Operand<TFloat32> learningRate, OptimizerSettings settings, VariableStore slots, List<Op> extraUpdates) {
		Graph graph = (Graph) tf.scope().env();
		Output<?>[] xs = variables.stream().map(e -> e.read().asOutput()).toArray(Output[]::new);
		Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);
		Ops s = tf.withSubScope("adamw");
		List<Operand<TFloat32>> squares = new ArrayList<>();
		for (int i = 0; i < grads.length; i++) {
			if (grads[i] == null) {
				throw new IllegalArgumentException("the loss does not depend on " + variables.get(i).name()
					+ "; leave it out of the trained variables");
			}
			Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
			squares.add(s.sum(s.math.square(s.reshape(g, s.constant(new int[] { -1 }))), s.constant(0)));
		}
		Operand<TFloat32> norm = s.withName("gradient_norm").math.sqrt(s.math.addN(squares));
		// min(1, clip / norm): 1 without clipping (clip = +inf) and for a zero gradient.
		Operand<TFloat32> scale = s.math.minimum(s.constant(1f),
			s.math.div(s.constant((float) settings.clipNorm()), s.math.maximum(norm, s.constant(1e-12f))));

		Variable<TInt64> step = s.withName("step").variable(s.withInitScope().constant(0L));
		Operand<TFloat32> t = s.math.add(s.dtypes.cast(s.identity(step), TFloat32.class), s.constant(1f));
		Operand<TFloat32> b1 = s.constant((float) settings.beta1());
		Operand<TFloat32> b2 = s.constant((float) settings.beta2());
		Operand<TFloat32> one = s.constant(1f);
		Operand<TFloat32> correction1 = s.math.sub(one, s.math.pow(b1, t));
		Operand<TFloat32> sqrtCorrection2 = s.math.sqrt(s.math.sub(one, s.math.pow(b2, t)));
		Operand<TFloat32> stepSize = s.math.div(learningRate, correction1);
		Operand<TFloat32> decay = s.math.sub(one, s.math.mul(learningRate, s.constant((float) settings.weightDecay())));
		Operand<TFloat32> eps = s.constant((float) settings.epsilon());

		List<Op> updates = new ArrayList<>(extraUpdates);
		for (int i = 0; i < grads.length; i++) {
			VariableStore.Entry e = variables.get(i);
			Variable<TFloat32> w = (Variable<TFloat32>) e.variable();
			Operand<TFloat32> g = s.math.mul((Operand<TFloat32>) grads[i], scale);
			Variable<TFloat32> m = slots.state("m/" + e.name(), e.shape(), TFloat32.class, 0);
			Variable<TFloat32> v = slots.state("v/" + e.name(), e.shape(), TFloat32.class, 0);
			Operand<TFloat32> mNew = s.assign(m,
				s.math.add(s.math.mul(b1, s.identity(m)), s.math.mul(s.math.sub(one, b1), g)));
			Operand<TFloat32> vNew = s.assign(v,
				s.math.add(s.math.mul(b2, s.identity(v)), s.math.mul(s.math.sub(one, b2), s.math.square(g))));
			Operand<TFloat32> denominator = s.math.add(s.math.div(s.math.sqrt(vNew), sqrtCorrection2), eps);
			Operand<TFloat32> adam = s.math.mul(stepSize, s.math.div(mNew, denominator));
			Operand<TFloat32> current = (Operand<TFloat32>) e.read();
			Operand<TFloat32> decayed = e.decayed() ? s.math.mul(current, decay) : current;
			updates.add(s.assign(w, s.math.sub(decayed, adam)));
		}
		Operand<TInt64> increment = s.withControlDependencies(updates).assignAdd(step, s.constant(1L));
		Op train = s.withControlDependencies(List.of((Op) increment)).withName("train").noOp();
		return new Minimization(train, norm, step, increment);
	}
}
