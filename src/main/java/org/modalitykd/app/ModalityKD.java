/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.File;
import java.nio.file.Path;

import org.modalitykd.volume.Volume;

/**
 * The script API: each use case as a request to fill in and run.
 *
 * <pre>
 * # Jython
 * from org.modalitykd.app import ModalityKD
 * r = ModalityKD.segment(case_dir).models(models_dir).tta(True).output(out_file).run()
 * print(r.model(), r.volumes().get("WT"))
 * </pre>
 *
 * For an ImagePlus, {@code org.modalitykd.ij.ModalityKDImages.segment(imp)} gives the
 * same request.
 */
public final class ModalityKD {

	private ModalityKD() {
	}

	/** An image in memory whose channels are named by modality (as a case opened with CaseLoader has). */
	public static SegmentRequest segment(Volume images) {
		return new SegmentRequest(images, null);
	}

	/** A case from its files: a BraTS case folder, or a manifest CSV (its first case). */
	public static SegmentRequest segment(Path caseDirOrManifest) {
		return new SegmentRequest(null, caseDirOrManifest);
	}

	public static SegmentRequest segment(File caseDirOrManifest) {
		return segment(caseDirOrManifest.toPath());
	}

	public static SegmentRequest segment(String caseDirOrManifest) {
		return segment(Path.of(caseDirOrManifest));
	}
}
