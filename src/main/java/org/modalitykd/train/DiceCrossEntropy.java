/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modalitykd.net.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The segmentation loss every method minimises: diceWeight x soft Dice + crossEntropyWeight
 * x cross-entropy, on each batch the network segments. By default ({@link
 * SegmentationLossForm#DEFAULT}) the soft batch Dice over the foreground classes and the
 * unweighted mean voxel cross-entropy; {@link SegmentationLossForm#OFFICIAL} is the form
 * of ProtoKD's official code ({@link OfficialSegmentationLoss}). Both log their terms as
 * {@code dice} and {@code cross_entropy}. An option of the segmentation loss is a field here.
 *
 * @param diceWeight         weight of the soft Dice loss
 * @param crossEntropyWeight weight of the cross-entropy
 * @param form               which Dice and cross-entropy ({@link TrainingOption#SEG_LOSS})
 */
public record DiceCrossEntropy(double diceWeight, double crossEntropyWeight, SegmentationLossForm form) {

	public DiceCrossEntropy {
		InvalidOptionException.weight(TrainingOption.DICE_WEIGHT, diceWeight);
		InvalidOptionException.weight(TrainingOption.CE_WEIGHT, crossEntropyWeight);
		if (form == null) {
			throw new InvalidOptionException(TrainingOption.SEG_LOSS, "choose default or official");
		}
	}

	/** The default form with these weights. */
	public DiceCrossEntropy(double diceWeight, double crossEntropyWeight) {
		this(diceWeight, crossEntropyWeight, SegmentationLossForm.DEFAULT);
	}

	/** Equal unit weights, the default form. */
	public static DiceCrossEntropy defaults() {
		return new DiceCrossEntropy(1, 1);
	}

	public DiceCrossEntropy withForm(SegmentationLossForm f) {
		return new DiceCrossEntropy(diceWeight, crossEntropyWeight, f);
	}

	private Operand<TFloat32> dice(Ops l, Operand<TFloat32> logits, Operand<TFloat32> labels) {
		return form == SegmentationLossForm.OFFICIAL
			? OfficialSegmentationLoss.softDice(l, l.nn.softmax(logits), labels)
			: SegmentationLoss.softDice(l, l.nn.softmax(logits), labels, false);
	}

	private Operand<TFloat32> crossEntropy(Ops l, Operand<TFloat32> logits, Operand<TFloat32> labels, int classes) {
		return form == SegmentationLossForm.OFFICIAL
			? OfficialSegmentationLoss.weightedCrossEntropy(l, logits, labels, classes)
			: SegmentationLoss.crossEntropy(l, logits, labels, classes);
	}

	/**
	 * Adds {@code dice<suffix>} and {@code cross_entropy<suffix>} of a network's output.
	 * With deep supervision each head's labels are downsampled, its terms are logged as
	 * {@code dice_ds<i>}, {@code cross_entropy_ds<i>} and its Dice + CE enters the total
	 * with the weight {@link SegmentationLoss#deepSupervisionWeights}.
	 */
	void addTerms(LossTerms terms, UNet<TFloat32> net, Operand<TFloat32> labels, String suffix, int classes) {
		Ops l = terms.ops();
		// Two parts of the total here, one weighted sum per head below: each is the form the
		// runs before the trainers were joined used, kept so that they repeat bit for bit.
		if (net.deepSupervisionLogits().isEmpty()) {
			Operand<TFloat32> logits = net.logits();
			terms.add("dice" + suffix, diceWeight, dice(l, logits, labels));
			terms.add("cross_entropy" + suffix, crossEntropyWeight, crossEntropy(l, logits, labels, classes));
			return;
		}
		List<Operand<TFloat32>> heads = new ArrayList<>();
		heads.add(net.logits());
		heads.addAll(net.deepSupervisionLogits());
		double[] weights = SegmentationLoss.deepSupervisionWeights(heads.size());
		for (int i = 0; i < heads.size(); i++) {
			Operand<TFloat32> target = i == 0 ? labels : SegmentationLoss.downsampledLabels(l, labels, i);
			Operand<TFloat32> dice = dice(l, heads.get(i), target);
			Operand<TFloat32> ce = crossEntropy(l, heads.get(i), target, classes);
			String head = suffix + (i == 0 ? "" : "_ds" + i);
			terms.report("dice" + head, dice);
			terms.report("cross_entropy" + head, ce);
			Operand<TFloat32> sum = l.math.add(l.math.mul(l.constant((float) diceWeight), dice),
				l.math.mul(l.constant((float) crossEntropyWeight), ce));
			terms.addPart(l.math.mul(l.constant((float) weights[i]), sum));
		}
	}

	/** The weights for the model card. */
	void describe(Map<String, Double> card) {
		card.put("dice", diceWeight);
		card.put("cross_entropy", crossEntropyWeight);
	}

	/** The form for the model card's {@code loss_options}. */
	void describeOptions(Map<String, String> card) {
		card.put(TrainingOption.SEG_LOSS.spelled(TrainingOption.Spelling.MACRO), form.value());
	}
}
