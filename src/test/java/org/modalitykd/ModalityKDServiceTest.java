package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.scijava.ModalityKDService;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;
import org.scijava.Context;

/** The service as a script gets it: from a SciJava context, headless. */
class ModalityKDServiceTest {

	@TempDir
	Path tmp;

	@Test
	void opensCasesAndEvaluatesThroughAContext() throws IOException {
		Geometry g = Geometry.axisAligned(4, 3, 2, 1, 1, 1);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1);
		Path dir = Files.createDirectories(tmp.resolve("BraTS_9"));
		for (String m : new String[] { "t1", "flair" }) {
			new NiftiWriter().writeVolume(Volume.of(g, m, new float[24]), h, dir.resolve("BraTS_9_" + m + ".nii.gz"));
		}
		byte[] seg = new byte[24];
		seg[5] = 4;
		new NiftiWriter().writeLabels(new LabelVolume(g, seg), h, dir.resolve("BraTS_9_seg.nii.gz"));

		try (Context context = new Context(ModalityKDService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			MriCase c = kd.open(dir, List.of("flair"));
			assertEquals(List.of("flair"), c.images().channelNames());
			LabelVolume labels = kd.openLabels(dir.resolve("BraTS_9_seg.nii.gz"));
			assertEquals(1.0, kd.evaluate(labels, c.labels().orElseThrow()).get(BratsRegion.ET).dice());

			Path pred = Files.createDirectories(tmp.resolve("pred"));
			new NiftiWriter().writeLabels(new LabelVolume(g, new byte[24]), h, pred.resolve("BraTS_9.nii.gz"));
			Path csv = tmp.resolve("r.csv");
			EvaluationReport report = kd.evaluate(pred, dir, csv);
			assertEquals(0.0, report.cases().get(0).metrics().get(BratsRegion.WT).dice());
			assertTrue(Files.readString(csv).startsWith("case_id,region,"));
		}
	}
}
