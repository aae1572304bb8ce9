package org.modalitykd.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss of a training run: its method and every weight and temperature.
 * <p>
 * total = diceWeight Dice + crossEntropyWeight CE (per modality for unpaired)
 * + distillationWeight x (Hinton KL | pixel KL | class-wise KL)
 * + featureWeight x bottleneck L2 (KD-Net) + prototypeWeight x I2FV MSE (ProtoKD).
 *
 * @param method             which objective
 * @param diceWeight         weight of the soft Dice loss (foreground classes)
 * @param crossEntropyWeight weight of the cross-entropy
 * @param distillationWeight KD-Net lambda_kd, ProtoKD alpha, Dou's KD weight
 * @param temperature        KD-Net T, ProtoKD T, Dou's tau
 * @param featureWeight      KD-Net lambda_lat (bottleneck L2); unused otherwise
 * @param prototypeWeight    ProtoKD beta (I2FV MSE); unused otherwise
 * @param optimizer          AdamW settings
 */
public record Objective(TrainingMethod method, double diceWeight, double crossEntropyWeight, double distillationWeight,
	double temperature, double featureWeight, double prototypeWeight, OptimizerSettings optimizer) {

	/** KD-Net: METHODS.md fixes no numbers; Hinton's usual T = 4, lambda_kd = 1, lambda_lat = 0.1. */
	public static final double KDNET_TEMPERATURE = 4;
	public static final double KDNET_WEIGHT = 1;
	public static final double KDNET_FEATURE_WEIGHT = 0.1;
	/** ProtoKD (METHODS.md): T = 10, alpha = 10, beta = 0.1. */
	public static final double PROTOKD_TEMPERATURE = PixelDistillation.DEFAULT_TEMPERATURE;
	public static final double PROTOKD_ALPHA = 10;
	public static final double PROTOKD_BETA = 0.1;

	public Objective {
		if (method == null || optimizer == null) {
			throw new IllegalArgumentException("the method and the optimiser must be set");
		}
		for (double w : new double[] { diceWeight, crossEntropyWeight, distillationWeight, featureWeight, prototypeWeight }) {
			if (!(w >= 0) || Double.isInfinite(w)) {
				throw new IllegalArgumentException("loss weights must be finite and not negative, got " + w);
			}
		}
		if (!(temperature > 0) || Double.isInfinite(temperature)) {
			throw new IllegalArgumentException("the temperature must be positive, got " + temperature);
		}
	}

	/** The defaults of METHODS.md for a method (Dice + CE with unit weights, default AdamW). */
	public static Objective defaults(TrainingMethod method) {
		OptimizerSettings o = OptimizerSettings.defaults();
		return switch (method) {
			case SUPERVISED -> new Objective(method, 1, 1, 0, 1, 0, 0, o);
			case KD_NET -> new Objective(method, 1, 1, KDNET_WEIGHT, KDNET_TEMPERATURE, KDNET_FEATURE_WEIGHT, 0, o);
			case PROTOKD -> new Objective(method, 1, 1, PROTOKD_ALPHA, PROTOKD_TEMPERATURE, 0, PROTOKD_BETA, o);
			case UNPAIRED -> new Objective(method, 1, 1, ClassWiseDistillation.DEFAULT_WEIGHT,
				ClassWiseDistillation.DEFAULT_TAU, 0, 0, o);
		};
	}

	public Objective withDistillation(double weight, double t) {
		return new Objective(method, diceWeight, crossEntropyWeight, weight, t, featureWeight, prototypeWeight, optimizer);
	}

	public Objective withFeatureWeight(double w) {
		return new Objective(method, diceWeight, crossEntropyWeight, distillationWeight, temperature, w, prototypeWeight,
			optimizer);
	}

	public Objective withPrototypeWeight(double w) {
		return new Objective(method, diceWeight, crossEntropyWeight, distillationWeight, temperature, featureWeight, w,
			optimizer);
	}

	public Objective withSegmentationWeights(double dice, double ce) {
		return new Objective(method, dice, ce, distillationWeight, temperature, featureWeight, prototypeWeight, optimizer);
	}

	public Objective withOptimizer(OptimizerSettings o) {
		return new Objective(method, diceWeight, crossEntropyWeight, distillationWeight, temperature, featureWeight,
			prototypeWeight, o);
	}

	/** The weights and temperature that apply to this method, for the model card. */
	public Map<String, Double> describe() {
		Map<String, Double> m = new LinkedHashMap<>();
		m.put("dice", diceWeight);
		m.put("cross_entropy", crossEntropyWeight);
		switch (method) {
			case KD_NET -> {
				m.put("kd", distillationWeight);
				m.put("temperature", temperature);
				m.put("feature_l2", featureWeight);
			}
			case PROTOKD -> {
				m.put("pixel_kd", distillationWeight);
				m.put("temperature", temperature);
				m.put("proto_kd", prototypeWeight);
			}
			case UNPAIRED -> {
				m.put("class_kd", distillationWeight);
				m.put("tau", temperature);
			}
			case SUPERVISED -> {
			}
		}
		m.put("weight_decay", optimizer.weightDecay());
		return m;
	}
}
