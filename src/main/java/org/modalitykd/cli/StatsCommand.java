/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiImage;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.ValueStatistics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stats FILE [--json]}: header geometry and value statistics of a NIfTI file. */
@Command(name = "stats", mixinStandardHelpOptions = true,
	description = { "Shape, spacing, affine, datatype and value statistics of a NIfTI file.",
		"Shape and spacing are in NIfTI index order (i, j, k[, t]); the affine is the voxel-to-world "
			+ "matrix nibabel reports as img.affine (sform, else qform, else the base affine); "
			+ "statistics are of the values after scl_slope/scl_inter, over the finite values.",
		"--json: one JSON object with the keys shape, spacing, affine, datatype, min, max, mean, sum." })
final class StatsCommand extends ReportCommand<StatsCommand.Read> {

	@Parameters(paramLabel = "FILE", description = "A .nii, .nii.gz, .hdr or .img file.")
	Path file;

	/** The file's header and the statistics of its values. */
	record Read(NiftiHeader header, ValueStatistics values) {
	}

	@Override
	Read read() throws IOException {
		NiftiImage image = new NiftiReader().read(file);
		return new Read(image.header(), ValueStatistics.of(image));
	}

	@Override
	void printJson(Read read, PrintWriter out) {
		NiftiHeader h = read.header();
		ValueStatistics s = read.values();
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("shape", h.shape());
		o.put("spacing", h.zooms());
		o.put("affine", h.bestAffine().toArray());
		o.put("datatype", h.datatype().typeName());
		o.put("min", finiteOrNull(s.min()));
		o.put("max", finiteOrNull(s.max()));
		o.put("mean", finiteOrNull(s.mean()));
		o.put("sum", s.sum());
		out.println(Json.GSON.toJson(o));
	}

	@Override
	void printText(Read read, PrintWriter out) {
		NiftiHeader h = read.header();
		ValueStatistics s = read.values();
		out.printf("file      %s%n", file);
		out.printf("format    NIfTI-%s, %s, %s-endian%n", h.version().name().substring(5), h.datatype().typeName(),
			h.byteOrder().toString().startsWith("LITTLE") ? "little" : "big");
		out.printf("shape     %s%n", join(Arrays.stream(h.shape()).mapToObj(Long::toString).toArray(String[]::new)));
		out.printf("spacing   %s %s%n", join(Arrays.stream(h.zooms()).mapToObj(StatsCommand::num).toArray(String[]::new)),
			h.spatialUnitName().equals("unknown") ? "(units not set in the header; read as mm)" : h.spatialUnitName());
		out.printf("forms     qform_code %d, sform_code %d (affine from %s)%n", h.qformCode(), h.sformCode(),
			h.sformCode() > 0 ? "sform" : h.qformCode() > 0 ? "qform" : "pixdim: no form set");
		double[][] a = h.bestAffine().toArray();
		for (int r = 0; r < 4; r++) {
			out.printf("%s %12s %12s %12s %12s%n", r == 0 ? "affine   " : "         ", num(a[r][0]), num(a[r][1]),
				num(a[r][2]), num(a[r][3]));
		}
		if (h.hasScaling()) {
			out.printf("scaling   value = stored * %s + %s%n", num(h.sclSlope()), num(h.sclInter()));
		}
		out.printf("min       %s%nmax       %s%nmean      %s%nsum       %s%n", num(s.min()), num(s.max()),
			num(s.mean()), num(s.sum()));
		if (s.nonFinite() > 0) {
			out.printf("nonfinite %d of %d values are NaN or infinite (left out above)%n", s.nonFinite(), s.count());
		}
	}

	private static Double finiteOrNull(double v) {
		return Double.isFinite(v) ? v : null;
	}

	private static String join(String[] parts) {
		return String.join(" x ", parts);
	}

	static String num(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return Long.toString((long) v);
		}
		return String.format("%.6g", v);
	}
}
