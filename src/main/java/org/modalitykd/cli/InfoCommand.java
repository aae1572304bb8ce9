/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Manifest;
import org.modalitykd.volume.Geometry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code info CASE_DIR|MANIFEST [--json]}: what a case holds, from headers only. */
@Command(name = "info", mixinStandardHelpOptions = true,
	description = "List the modalities of a case (a BraTS folder or a manifest CSV), their shapes and spacing, "
		+ "whether their geometries agree, and the label file if any. Reads headers only. --json: one JSON object per case.")
final class InfoCommand extends ReportCommand<List<CaseLoader.Inventory>> {

	@Parameters(paramLabel = "CASE_DIR", description = "A BraTS case folder (<id>_t1.nii.gz, _t1ce, _t2, _flair, _seg) or a manifest CSV (case_id,modality,path).")
	Path input;

	@Override
	List<CaseLoader.Inventory> read() throws IOException {
		List<CaseFiles> cases = Files.isDirectory(input) ? List.of(BratsLayout.caseIn(input)) : Manifest.read(input);
		CaseLoader loader = new CaseLoader();
		List<CaseLoader.Inventory> inventories = new ArrayList<>();
		for (CaseFiles c : cases) {
			inventories.add(loader.inventory(c));
		}
		return inventories;
	}

	@Override
	void printJson(List<CaseLoader.Inventory> inventories, PrintWriter out) {
		for (CaseLoader.Inventory inv : inventories) {
			out.println(Json.GSON.toJson(toJson(inv)));
		}
	}

	@Override
	void printText(List<CaseLoader.Inventory> inventories, PrintWriter out) {
		for (CaseLoader.Inventory inv : inventories) {
			CaseFiles c = inv.files();
			out.printf("case        %s%n", c.id());
			out.printf("modalities  %s%n", String.join(", ", c.modalityNames()));
			for (var e : inv.geometries().entrySet()) {
				Path file = e.getKey().equals("seg") ? c.labels().orElseThrow() : c.modalities().get(e.getKey());
				out.printf("  %-8s  %-40s %s  %s%n", e.getKey(), file.getFileName(), e.getValue().describe(),
					inv.datatypes().get(e.getKey()));
			}
			out.printf("labels      %s%n", c.labels().map(p -> p.getFileName().toString()).orElse("none"));
			out.printf("geometry    %s%n", inv.consistent() ? "consistent: all files share one voxel grid"
				: "INCONSISTENT: " + String.join("; ", inv.problems()));
		}
	}

	@Override
	int exitStatus(List<CaseLoader.Inventory> inventories) {
		return inventories.stream().allMatch(CaseLoader.Inventory::consistent) ? 0 : ModalityKdCli.EXIT_DATA_ERROR;
	}

	private static Map<String, Object> toJson(CaseLoader.Inventory inv) {
		Map<String, Object> o = new LinkedHashMap<>();
		CaseFiles c = inv.files();
		o.put("case_id", c.id());
		o.put("modalities", c.modalityNames());
		Map<String, Object> files = new LinkedHashMap<>();
		for (var e : inv.geometries().entrySet()) {
			Geometry g = e.getValue();
			Map<String, Object> f = new LinkedHashMap<>();
			Path file = e.getKey().equals("seg") ? c.labels().orElseThrow() : c.modalities().get(e.getKey());
			f.put("path", file.toString());
			f.put("shape", g.dims());
			f.put("spacing", g.spacing());
			f.put("datatype", inv.datatypes().get(e.getKey()));
			files.put(e.getKey(), f);
		}
		o.put("files", files);
		o.put("labels", c.labels().map(Path::toString).orElse(null));
		o.put("consistent", inv.consistent());
		o.put("problems", inv.problems());
		return o;
	}
}
