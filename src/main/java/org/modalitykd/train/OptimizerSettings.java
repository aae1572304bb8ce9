/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

/**
 * Adam with decoupled weight decay (AdamW, Loshchilov and Hutter), as PyTorch's AdamW:
 * w <- w (1 - lr wd) - lr m_hat / (sqrt(v_hat) + eps), the decay only on convolution
 * kernels. Gradients are first scaled so that their global L2 norm is at most
 * {@code clipNorm}.
 *
 * @param beta1       decay of the first-moment average
 * @param beta2       decay of the second-moment average
 * @param epsilon     added to sqrt(v_hat)
 * @param weightDecay decoupled weight decay per unit learning rate (0 for none)
 * @param clipNorm    largest global gradient norm; {@code Double.POSITIVE_INFINITY} for no clipping
 */
public record OptimizerSettings(double beta1, double beta2, double epsilon, double weightDecay, double clipNorm) {

	public OptimizerSettings {
		if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
			throw new IllegalArgumentException("Adam betas must be in [0, 1): " + beta1 + ", " + beta2);
		}
		if (!(epsilon > 0) || !(weightDecay >= 0) || !(clipNorm > 0)) {
			throw new IllegalArgumentException("epsilon and the clip norm must be positive, weight decay not negative");
		}
	}

	/** betas 0.9 / 0.999, eps 1e-8, weight decay 1e-5 (ProtoKD), clipping at norm 12 (nnU-Net). */
	public static OptimizerSettings defaults() {
		return new OptimizerSettings(0.9, 0.999, 1e-8, 1e-5, 12);
	}

	public OptimizerSettings withWeightDecay(double wd) {
		return new OptimizerSettings(beta1, beta2, epsilon, wd, clipNorm);
	}

	public OptimizerSettings withClipNorm(double norm) {
		return new OptimizerSettings(beta1, beta2, epsilon, weightDecay, norm);
	}
}
