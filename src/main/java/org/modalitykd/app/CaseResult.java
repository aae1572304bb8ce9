/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.util.Map;

import org.modalitykd.eval.TumourVolumes;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * One segmented case.
 *
 * @param caseId           the case's id ("image" for an image given in memory)
 * @param choice           the model used and why
 * @param segmentation     labels, probabilities and provenance, on the case's grid
 * @param quality          the quality map, or null
 * @param qualityNote      what the quality map compares, or an empty string
 * @param device           where TensorFlow ran, in words
 * @param secondsLoading   reading the case and loading the model
 * @param secondsInference the segmentation itself
 */
public record CaseResult(String caseId, ModelCatalog.Choice choice, Segmentation segmentation, Volume quality,
	String qualityNote, String device, double secondsLoading, double secondsInference) {

	public LabelVolume labels() {
		return segmentation.labels();
	}

	/** The bundle name of the model used. */
	public String model() {
		return choice.entry().name();
	}

	/** What produced the labels: model, its checksum, role, modalities, tiling. */
	public Map<String, String> provenance() {
		return segmentation.provenance();
	}

	/** Volumes in mL: WT, TC, ET, then each label present. */
	public Map<String, Double> volumes() {
		return TumourVolumes.of(segmentation.labels());
	}

	/** The same as the older result type of the script service. */
	public SegmentationTool.Result toToolResult() {
		return new SegmentationTool.Result(choice, segmentation, quality, qualityNote);
	}
}
