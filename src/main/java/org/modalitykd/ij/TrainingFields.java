/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.Checkbox;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.nio.file.Path;
import java.util.Arrays;

import org.modalitykd.app.TrainingRequest;
import org.modalitykd.data.AugmentationLevel;
import org.modalitykd.net.Device;
import org.modalitykd.net.Upsampling;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.NetworkNormalization;
import org.modalitykd.train.SegmentationLossForm;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;
import org.modalitykd.train.TrainingRun;

import ij.gui.GenericDialog;

/**
 * The dialog fields the three training commands share, with their macro keys: the
 * hyperparameters ({@code steps patch_size batch_size learning_rate levels base_filters
 * seed validation_fraction validation_interval checkpoint_interval device seg_loss cache_mb augmentation upsampling
 * normalization}) and the
 * output ({@code out resume overwrite}). Add and read them in the same order, as GenericDialog
 * wants. The defaults are {@link TrainingParameters#defaults()}: a key a macro leaves
 * out takes that value.
 */
final class TrainingFields {

	/** The numeric keys of {@link #addParameters}. */
	static final String[] NUMBER_KEYS = { "steps", "patch_size", "batch_size", "learning_rate", "weight_decay", "levels",
		"base_filters", "seed", "validation_fraction", "validation_interval", "checkpoint_interval", "dice_weight", "ce_weight",
		"tumour_share", "cache_mb" };

	/** The values of the {@code seg_loss} choice (default: CE + foreground Dice; official: ProtoKD's code). */
	static final String[] SEG_LOSSES = java.util.Arrays.stream(SegmentationLossForm.values())
		.map(SegmentationLossForm::value).toArray(String[]::new);

	/** The values of the {@code lr_schedule} choice. */
	static final String[] LR_SCHEDULES = { "poly", "cosine", "constant" };

	/** The values of the {@code augmentation} choice. */
	static final String[] AUGMENTATIONS = Arrays.stream(AugmentationLevel.values()).map(AugmentationLevel::key)
		.toArray(String[]::new);

	/**
	 * The values of the {@code upsampling} choice: auto (transposed; a distilled student
	 * its teacher's), then each {@link Upsampling#key()}.
	 */
	static final String[] UPSAMPLINGS = java.util.stream.Stream.concat(
		java.util.stream.Stream.of(TrainingParameters.AUTO_UPSAMPLING),
		Arrays.stream(Upsampling.values()).map(Upsampling::key)).toArray(String[]::new);

	/**
	 * The values of the {@code normalization} choice: auto (instance; per-modality batch
	 * norm for unpaired training; a distilled student its teacher's), then each
	 * {@link NetworkNormalization#key()}.
	 */
	static final String[] NORMALIZATIONS = java.util.stream.Stream.concat(
		java.util.stream.Stream.of(NetworkNormalization.AUTO),
		Arrays.stream(NetworkNormalization.values()).map(NetworkNormalization::key)).toArray(String[]::new);

	private final GenericDialog gd;

	TrainingFields(GenericDialog gd) {
		this.gd = gd;
	}

	/** What the hyperparameter fields hold. */
	record Settings(TrainingParameters parameters, Device device) {

		/** {@code request} with these parameters and this device. */
		TrainingRequest<?> applyTo(TrainingRequest<?> request) {
			return request.parameters(parameters).device(device);
		}
	}

	/**
	 * What the output fields hold: the bundle folder, whether to continue its checkpoint,
	 * and whether to start afresh over an existing bundle.
	 */
	record Output(Path bundle, boolean resume, boolean overwrite) {
	}

	/** The network, schedule and loss fields, each group under its heading. */
	void addParameters() {
		TrainingParameters d = TrainingParameters.defaults();
		heading(gd, "Network");
		gd.addNumericField("levels", d.levels(), 0, 6, "(3 to 5)");
		gd.addNumericField("base_filters", d.baseFilters(), 0, 6, "(doubling per level)");
		gd.addChoice("upsampling", UPSAMPLINGS, TrainingParameters.AUTO_UPSAMPLING);
		gd.addChoice("normalization", NORMALIZATIONS, NetworkNormalization.AUTO);
		heading(gd, "Schedule");
		gd.addNumericField("steps", d.steps(), 0);
		gd.addNumericField("patch_size", d.patchSize()[0], 0, 6, "voxels (cube; a multiple of 2^(levels-1))");
		gd.addNumericField("batch_size", d.batchSize(), 0);
		gd.addNumericField("learning_rate", d.learningRate(), -2, 8, "(peak)");
		gd.addChoice("lr_schedule", LR_SCHEDULES, d.lrSchedule());
		gd.addNumericField("weight_decay", d.weightDecay(), -2, 8, "(AdamW)");
		gd.addNumericField("seed", d.seed(), 0);
		gd.addNumericField("validation_fraction", d.validationFraction(), 2, 6, "of the cases");
		gd.addNumericField("validation_interval", d.validationInterval(), 0, 6, "steps");
		gd.addNumericField("checkpoint_interval", d.checkpointInterval(), 0, 6, "steps");
		gd.addNumericField("tumour_share", d.tumourShare(), 3, 6, "of the patches forced to hold tumour");
		gd.addNumericField("cache_mb", d.cacheMb(), 0, 6, "MB of prepared cases held in memory");
		gd.addChoice("augmentation", AUGMENTATIONS, d.augmentation().key());
		gd.addChoice("device", SegmentPlugin.DEVICES, "auto");
		heading(gd, "Losses");
		gd.addChoice("seg_loss", SEG_LOSSES, d.segmentationLoss().value());
		// ce_weight before dice_weight: ImageJ's Recorder takes a key that is the tail of a key
		// recorded before it ("ce_weight=" in "dice_weight=") for a duplicate and stops at a
		// modal "Duplicate keyword" message.
		gd.addNumericField("ce_weight", d.crossEntropyWeight(), 2, 6, "(cross-entropy)");
		gd.addNumericField("dice_weight", d.diceWeight(), 2, 6, "");
	}

	/**
	 * A group's heading in a training dialog (data, network, schedule, losses,
	 * distillation, output). Messages are not recorded, so the macro keys stay as they are.
	 */
	static void heading(GenericDialog gd, String title) {
		gd.setInsets(12, 0, 2);
		gd.addMessage(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
	}

	/**
	 * The bundle folder and the resume checkbox. The box starts ticked when a checkpoint
	 * of an earlier run lies beside the bundle, and follows the folder as it is edited.
	 */
	void addOutput(String bundle) {
		heading(gd, "Output");
		Dialogs.addPath(gd, "out", bundle, true);
		gd.addCheckbox("resume (continue the checkpoint in <out>.training)", !bundle.isBlank()
			&& TrainingRun.hasCheckpoint(Path.of(bundle.trim())));
		Checkbox resume = !GraphicsEnvironment.isHeadless() && gd.getCheckboxes() != null
			? (Checkbox) gd.getCheckboxes().lastElement() : null;
		gd.addCheckbox("overwrite (replace an existing bundle, start afresh)", false);
		if (resume != null && gd.getStringFields() != null) {
			TextField out = (TextField) gd.getStringFields().lastElement();
			out.addTextListener(e -> {
				String text = out.getText().trim();
				resume.setState(!text.isEmpty() && TrainingRun.hasCheckpoint(Path.of(text)));
			});
		}
	}

	/**
	 * @param ownNetwork whether levels and base filters apply (a distilled student copies
	 *                   its teacher's, so its patch size is checked against those later)
	 */
	Settings readParameters(boolean ownNetwork) {
		TrainingParameters d = TrainingParameters.defaults();
		// In the order of addParameters. ImageJ puts back the default for a choice a macro
		// gives a value it does not list; the value the macro wrote is read too, so that a
		// typo is refused, not ignored.
		int levels = (int) whole("levels");
		int filters = (int) whole("base_filters");
		String upsampling = macroChoice("upsampling", gd.getNextChoice());
		String normalization = macroChoice("normalization", gd.getNextChoice());
		long steps = whole("steps");
		int patch = (int) whole("patch_size");
		int batch = (int) whole("batch_size");
		double lr = number("learning_rate");
		String lrSchedule = macroChoice("lr_schedule", gd.getNextChoice());
		double weightDecay = number("weight_decay");
		long seed = whole("seed");
		double fraction = number("validation_fraction");
		int validation = (int) whole("validation_interval");
		int checkpoints = (int) whole("checkpoint_interval");
		double tumourShare = number("tumour_share");
		long cacheMb = whole("cache_mb");
		String augmentation = macroChoice("augmentation", gd.getNextChoice());
		Device device = Device.parse(gd.getNextChoice());
		String segLoss = macroChoice("seg_loss", gd.getNextChoice());
		double ceWeight = number("ce_weight");
		double diceWeight = number("dice_weight");
		TrainingParameters p;
		try {
			p = d.withSteps(steps).withPatchSize(patch).withBatchSize(batch).withLearningRate(lr)
				.withNetwork(levels, filters).withSeed(seed).withValidation(fraction, validation)
				.withCheckpointInterval(checkpoints).withSegmentationLoss(segLoss).withAugmentation(augmentation)
				.withUpsampling(upsampling).withLearningRateSchedule(lrSchedule).withWeightDecay(weightDecay)
				.withSegmentationWeights(diceWeight, ceWeight).withTumourShare(tumourShare).withCacheMb(cacheMb)
				.withNormalization(normalization);
		} catch (InvalidOptionException e) {
			throw e.spelled(TrainingOption.Spelling.MACRO);
		}
		p.schedule(1);
		if (ownNetwork) {
			p.check();
		}
		return new Settings(p, device);
	}

	Output readOutput() {
		String out = gd.getNextString().trim();
		boolean resume = gd.getNextBoolean();
		boolean overwrite = gd.getNextBoolean();
		if (out.isEmpty()) {
			throw new IllegalArgumentException("out: give the folder for the model bundle");
		}
		return new Output(Path.of(out), resume, overwrite);
	}

	/** A folder from a path field; an error naming the key when it is empty. */
	static Path folder(String text, String key) {
		String t = text.trim();
		if (t.isEmpty()) {
			throw new IllegalArgumentException(key + ": choose a folder");
		}
		return Path.of(t);
	}

	private double number(String key) {
		double v = gd.getNextNumber();
		if (Double.isNaN(v)) {
			throw new IllegalArgumentException(key + " is not a number");
		}
		return v;
	}

	private long whole(String key) {
		double v = number(key);
		if (v != Math.rint(v)) {
			throw new IllegalArgumentException(key + " must be a whole number, got " + v);
		}
		return (long) v;
	}

	/** The value a macro gave for a choice, as written (null options: what the dialog says). */
	static String macroChoice(String key, String fromDialog) {
		String options = ij.Macro.getOptions();
		if (options == null) {
			return fromDialog;
		}
		String written = ij.Macro.getValue(options, key, null);
		return written == null ? fromDialog : written;
	}
}
