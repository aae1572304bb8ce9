package org.modalitykd.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modalitykd.net.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The segmentation loss every method minimises: diceWeight x soft batch Dice over the
 * foreground classes + crossEntropyWeight x mean voxel cross-entropy, on each batch the
 * network segments. An option of the segmentation loss is a field here.
 *
 * @param diceWeight         weight of the soft Dice loss
 * @param crossEntropyWeight weight of the cross-entropy
 */
public record DiceCrossEntropy(double diceWeight, double crossEntropyWeight) {

	public DiceCrossEntropy {
		InvalidOptionException.weight(TrainingOption.DICE_WEIGHT, diceWeight);
		InvalidOptionException.weight(TrainingOption.CE_WEIGHT, crossEntropyWeight);
	}

	/** Equal unit weights. */
	public static DiceCrossEntropy defaults() {
		return new DiceCrossEntropy(1, 1);
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
			terms.add("dice" + suffix, diceWeight, SegmentationLoss.softDice(l, l.nn.softmax(logits), labels, false));
			terms.add("cross_entropy" + suffix, crossEntropyWeight,
				SegmentationLoss.crossEntropy(l, logits, labels, classes));
			return;
		}
		List<Operand<TFloat32>> heads = new ArrayList<>();
		heads.add(net.logits());
		heads.addAll(net.deepSupervisionLogits());
		double[] weights = SegmentationLoss.deepSupervisionWeights(heads.size());
		for (int i = 0; i < heads.size(); i++) {
			Operand<TFloat32> target = i == 0 ? labels : SegmentationLoss.downsampledLabels(l, labels, i);
			Operand<TFloat32> dice = SegmentationLoss.softDice(l, l.nn.softmax(heads.get(i)), target, false);
			Operand<TFloat32> ce = SegmentationLoss.crossEntropy(l, heads.get(i), target, classes);
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
}
