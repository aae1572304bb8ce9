package org.modalitykd.train;

/**
 * What the segmentation training minimises and how.
 *
 * @param diceWeight             weight of the soft Dice loss
 * @param crossEntropyWeight     weight of the cross-entropy
 * @param diceIncludesBackground whether class 0 takes part in the Dice mean
 * @param optimizer              AdamW and clipping settings
 */
public record TrainingSettings(double diceWeight, double crossEntropyWeight, boolean diceIncludesBackground,
	OptimizerSettings optimizer) {

	/** Dice + cross-entropy with equal weights, Dice over the foreground classes, default AdamW. */
	public static TrainingSettings defaults() {
		return new TrainingSettings(1, 1, false, OptimizerSettings.defaults());
	}

	public TrainingSettings withOptimizer(OptimizerSettings o) {
		return new TrainingSettings(diceWeight, crossEntropyWeight, diceIncludesBackground, o);
	}
}
