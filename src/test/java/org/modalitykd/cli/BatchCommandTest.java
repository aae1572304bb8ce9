/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.io.NiftiReader;

class BatchCommandTest {

	@TempDir
	Path tmp;

	private Path manifest(String... ids) throws IOException {
		StringBuilder csv = new StringBuilder("case_id,modality,path\n");
		for (String id : ids) {
			Path dir = TinyModels.noisyCase(tmp.resolve("cases"), id, 20, 18, 10, id.hashCode());
			for (String m : List.of("t1", "t1ce", "t2", "flair")) {
				csv.append(id).append(',').append(m).append(',').append(dir.resolve(id + "_" + m + ".nii.gz")).append('\n');
			}
		}
		Path file = tmp.resolve("cases.csv");
		Files.writeString(file, csv);
		return file;
	}

	@Test
	void shardsSplitTheCohortAndResumeSkipsFinishedCases() throws IOException {
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path csv = manifest("c1", "c2", "c3");
		Path out = tmp.resolve("out");
		String teacher = models.resolve("teacher").toString();
		CliTest.Outcome a = CliTest.run("batch", "--manifest", csv.toString(), "--model", teacher, "--out",
			out.toString(), "--shard", "0/2", "--device", "cpu");
		assertEquals(0, a.status(), a.err());
		CliTest.Outcome b = CliTest.run("batch", "--manifest", csv.toString(), "--model", teacher, "--out",
			out.toString(), "--shard", "1/2", "--device", "cpu");
		assertEquals(0, b.status(), b.err());
		List<String> s0 = Files.readAllLines(out.resolve("status-0-of-2.csv"));
		List<String> s1 = Files.readAllLines(out.resolve("status-1-of-2.csv"));
		assertEquals(BatchCommand.STATUS_HEADER, s0.get(0));
		assertTrue(s0.get(1).startsWith("c1,done,teacher,") && s0.get(2).startsWith("c3,done,teacher,"), s0.toString());
		assertEquals(2, s1.size());
		assertTrue(s1.get(1).startsWith("c2,done,teacher,"), s1.toString());
		for (String id : List.of("c1", "c2", "c3")) {
			assertArrayEquals(new int[] { 20, 18, 10 }, new NiftiReader().readLabels(out.resolve(id + ".nii.gz")).geometry().dims());
		}
		try (var files = Files.list(out)) {
			assertTrue(files.allMatch(f -> f.getFileName().toString().matches("c\\d\\.nii\\.gz|status-\\d-of-2\\.csv")),
				"no temporary files left");
		}

		FileTime before = Files.getLastModifiedTime(out.resolve("c1.nii.gz"));
		Files.delete(out.resolve("c2.nii.gz"));
		CliTest.Outcome resumed = CliTest.run("batch", "--manifest", csv.toString(), "--model", teacher,
			"--out", out.toString(), "--resume", "--device", "cpu");
		assertEquals(0, resumed.status(), resumed.err());
		assertTrue(resumed.out().contains("1 done, 2 skipped, 0 failed"), resumed.out());
		assertEquals(before, Files.getLastModifiedTime(out.resolve("c1.nii.gz")), "finished cases are not redone");
		List<String> all = Files.readAllLines(out.resolve("status.csv"));
		assertTrue(all.get(1).startsWith("c1,skipped,") && all.get(2).startsWith("c2,done,"), all.toString());
	}

	@Test
	void aFolderOfModelsPicksPerCaseAndFailuresAreRecorded() throws IOException {
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path csv = manifest("full", "t1only", "t2only");
		String text = Files.readString(csv);
		text = text.lines().filter(l -> !(l.startsWith("t1only,") && !l.startsWith("t1only,t1,"))
			&& !(l.startsWith("t2only,") && !l.startsWith("t2only,t2,"))).reduce("", (x, y) -> x + y + "\n");
		Files.writeString(csv, text);
		Path out = tmp.resolve("out");
		CliTest.Outcome o = CliTest.run("batch", "--manifest", csv.toString(), "--model", models.toString(),
			"--out", out.toString(), "--device", "cpu");
		assertEquals(1, o.status(), "one case failed: " + o.out());
		List<String> status = Files.readAllLines(out.resolve("status.csv"));
		assertTrue(status.get(1).startsWith("full,done,teacher,"), status.toString());
		assertTrue(status.get(2).startsWith("t1only,done,student_t1,"), status.toString());
		assertTrue(status.get(3).startsWith("t2only,failed,,") && status.get(3).contains("no model fits"), status.toString());
		assertTrue(!Files.exists(out.resolve("t2only.nii.gz")));
		assertTrue(o.out().contains("2 done, 0 skipped, 1 failed"), o.out());
	}

	@Test
	void aBadShardIsAUsageError() {
		CliTest.Outcome o = CliTest.run("batch", "--manifest", "x.csv", "--model", "m", "--out",
			tmp.toString(), "--shard", "2/2");
		assertEquals(2, o.status());
		assertTrue(o.err().contains("--shard 2/2: expected i/n with 0 <= i < n"), o.err());
	}
}
