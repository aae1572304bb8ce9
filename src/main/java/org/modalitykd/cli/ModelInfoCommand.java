/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCardJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code model-info BUNDLE [--json]}: the model card. */
@Command(name = "model-info", mixinStandardHelpOptions = true,
	description = "Print a model bundle's card: role, modalities, labels, normalisation, patch size, spacing, "
		+ "architecture, provenance and validation metrics. Reads the card only (no TensorFlow). --json: the card as JSON "
		+ "(the file's content, checked).")
final class ModelInfoCommand extends ReportCommand<ModelCard> {

	@Parameters(paramLabel = "BUNDLE", description = "A model bundle folder.")
	Path bundle;

	@Override
	ModelCard read() throws IOException {
		return ModelBundle.readCard(bundle);
	}

	@Override
	void printJson(ModelCard c, PrintWriter out) {
		out.print(ModelCardJson.write(c));
	}

	@Override
	void printText(ModelCard c, PrintWriter out) {
		ModelCard.Provenance p = c.provenance();
		out.printf("bundle        %s%n", bundle);
		out.printf("role          %s%n", c.role().key());
		out.printf("modalities    %s%s%n", String.join(", ", c.modalities()),
			c.perModality() ? " (one at a time, own normalisation each)" : " (channel order)");
		StringBuilder labels = new StringBuilder();
		int[] map = c.labelMap();
		for (int k = 0; k < map.length; k++) {
			labels.append(k == 0 ? "" : ", ").append(k).append("->").append(map[k]).append(" ").append(c.classNames().get(k));
		}
		out.printf("labels        %s%n", labels);
		out.printf("normalisation %s%n", c.normalization().method());
		out.printf("patch         %s voxels%n", join(c.patchSize()));
		out.printf("spacing       %s mm%n", String.join(" x ", Arrays.stream(c.spacing()).mapToObj(StatsCommand::num).toList()));
		out.printf("network       %s%n", c.architecture().describe());
		out.printf("trained       %s, %d steps, seed %d, on %s (%s)%n", p.method(), p.steps(), p.seed(), p.data(), p.date());
		out.printf("augmentation  %s%n", p.augmentation());
		if (!p.lossWeights().isEmpty()) {
			out.printf("loss weights  %s%n", p.lossWeights());
		}
		if (!p.lossOptions().isEmpty()) {
			out.printf("loss options  %s%n", p.lossOptions());
		}
		if (!p.software().isEmpty()) {
			out.printf("software      %s%n", p.software());
		}
		out.printf("validation    %s%n", c.validation().isEmpty() ? "none recorded" : c.validation());
		out.printf("savedmodel    %s%n", Files.isRegularFile(bundle.resolve("saved_model.pb")) ? "present"
			: "MISSING saved_model.pb");
	}

	private static String join(int[] v) {
		return String.join(" x ", Arrays.stream(v).mapToObj(Integer::toString).toList());
	}
}
