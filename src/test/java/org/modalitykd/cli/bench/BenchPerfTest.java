/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modalitykd.cli.CliTest;

/**
 * {@code bench --suite perf --quick} produces the whole table: every row, six columns,
 * a number from ModalityKD in each, and the targets. Timings are not checked (they are
 * measurements, not behaviour); the peer is left out to keep the test short.
 */
class BenchPerfTest {

	private static final List<String> ROWS = List.of("segment 48x40x24 x4 case, default settings",
		"segment 48x40x24 x4 case, default settings + TTA (8 mirrorings)", "segmentation: peak resident memory (VmHWM)",
		"segmentation: resident memory added (peak - before the case)", "segmentation: peak Java heap",
		"segmentation: memory added / (input + probabilities + model)", "matmul peak, 256 x 256 float32",
		"conv3d peak, 16^3 x 16 -> 16 channels, 3x3x3", "forward 1 x 16^3", "forward 1 x 16^3, throughput",
		"forward 1 x 16^3, achieved", "forward 1 x 32^3", "forward 1 x 32^3, throughput", "forward 1 x 32^3, achieved",
		"training step teacher (4 modalities), 1 x 16^3", "training step baseline student (1 modality), 1 x 16^3",
		"training step KD-Net student, 1 x 16^3", "training step ProtoKD student, 1 x 16^3",
		"training step unpaired (2 modalities x batch), 1 x 16^3", "training: peak resident memory (VmHWM)",
		"training: resident memory added (peak - before)", "training: peak Java heap",
		"training peak, teacher (4 modalities) alone", "training peak, baseline student (1 modality) alone",
		"training peak, KD-Net student alone", "training peak, ProtoKD student alone",
		"training peak, unpaired (2 modalities x batch) alone");

	@Test
	void quickPerfSuitePrintsTheWholeTableAndTheTargets() {
		CliTest.Outcome o = CliTest.run("bench", "--suite", "perf", "--quick", "--no-peer", "--device", "cpu");
		assertEquals(0, o.status(), o.err());
		List<String> lines = o.out().lines().toList();
		assertTrue(lines.contains(PerfTable.HEADER), o.out());
		for (String row : ROWS) {
			String line = lines.stream().filter(l -> l.startsWith("| " + row + " |")).findFirst().orElse(null);
			assertTrue(line != null, "row '" + row + "' missing from:\n" + o.out());
			String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
			assertEquals(6, cells.length, line);
			Double.parseDouble(cells[2].strip()); // ours: always measured
			assertEquals("-", cells[3].strip(), "no peer: " + line);
			assertEquals("-", cells[4].strip(), "no ratio without the peer: " + line);
		}
		// The group's peak is the highest of the methods' own (the counter is reset between them).
		double highest = ROWS.stream().filter(r -> r.startsWith("training peak, ")).mapToDouble(r -> ours(lines, r)).max()
			.orElseThrow();
		assertEquals(highest, ours(lines, "training: peak resident memory (VmHWM)"), 0.51, o.out());
		assertEquals(8, lines.stream().filter(l -> l.startsWith("target: ")).count(), o.out());
		for (String peerTarget : List.of("whole-case inference >= 2.5x faster than PyTorch",
			"whole-case inference with TTA >= 2.5x faster than PyTorch", "training peak resident memory <= PyTorch's")) {
			String line = lines.stream().filter(l -> l.startsWith("target: " + peerTarget + ": ")).findFirst().orElse(null);
			assertTrue(line != null && line.endsWith("-> not measured"), "'" + peerTarget + "' without the peer: " + o.out());
		}
		assertTrue(!o.out().contains("peer: PyTorch"), "the peer was asked not to run: " + o.out());
		assertTrue(o.err().contains("measured forward 1 x 32^3"), "progress goes to stderr: " + o.err());
	}

	private static double ours(List<String> lines, String row) {
		String line = lines.stream().filter(l -> l.startsWith("| " + row + " |")).findFirst().orElseThrow();
		return Double.parseDouble(line.substring(1, line.length() - 1).split("\\|", -1)[2].strip());
	}

	@Test
	void perfIsListedWithTheOtherSuites() {
		CliTest.Outcome o = CliTest.run("bench", "--suite", "nope");
		CliTest.assertOneLineError(o, 2, "io", "net", "soak", "train", "perf");
	}

	@Test
	void numbersKeepThreeSignificantDigits() {
		assertEquals("0.012", PerfTable.number(0.0123));
		assertEquals("1.23", PerfTable.number(1.234));
		assertEquals("12.3", PerfTable.number(12.34));
		assertEquals("123", PerfTable.number(123.4));
		assertEquals("-", PerfTable.number(Double.NaN));
	}
}
