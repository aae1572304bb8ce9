/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.TempFileHolder;

/**
 * Output paths as an adversarial user would try them: case ids that are paths, an
 * output that is one of the inputs, an existing output, leftovers of a killed segment,
 * a set of outputs that cannot be completed, and too little memory.
 */
class HostileOutputsTest {

	@TempDir
	Path tmp;

	private Path manifest(String id, Path caseDir, String fileId) throws IOException {
		StringBuilder csv = new StringBuilder("case_id,modality,path\n");
		for (String m : List.of("t1", "t1ce", "t2", "flair")) {
			csv.append(id).append(',').append(m).append(',').append(caseDir.resolve(fileId + "_" + m + ".nii.gz")).append('\n');
		}
		return Files.writeString(tmp.resolve("cases-" + Math.abs(id.hashCode()) + ".csv"), csv);
	}

	private static List<Path> filesUnder(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).sorted().toList();
		}
	}

	@Test
	void batchRefusesCaseIdsThatArePathsAndWritesNothingOutsideItsFolder() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "c1", 20, 18, 10, 1);
		Path out = tmp.resolve("a/b/out");
		Path victim = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("x.nii.gz"), "someone else's file");
		List<Path> before = filesUnder(tmp);
		for (String id : List.of("../../x", "../x", victim.toString().replace(".nii.gz", ""), "a/b", ".hidden")) {
			CliTest.Outcome o = CliTest.run("batch", "--manifest", manifest(id, caseDir, "c1").toString(), "--model",
				model.toString(), "--out", out.toString(), "--device", "cpu");
			CliTest.assertOneLineError(o, 1, "case id '" + id + "' is not allowed", "letters, digits");
		}
		assertEquals("someone else's file", Files.readString(victim), "the file outside --out is untouched");
		List<Path> after = filesUnder(tmp).stream().filter(p -> !p.getFileName().toString().startsWith("cases-")).toList();
		assertEquals(before, after, "nothing written anywhere");
	}

	@Test
	void batchReplacesEarlierOutputsOnlyWithOverwriteOrSkipsThemWithResume() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "c1", 20, 18, 10, 1);
		Path csv = manifest("c1", caseDir, "c1");
		Path out = Files.createDirectories(tmp.resolve("out"));
		Path earlier = Files.writeString(out.resolve("c1.nii.gz"), "an earlier result");
		String[] batch = { "batch", "--manifest", csv.toString(), "--model", model.toString(), "--out", out.toString(),
			"--device", "cpu" };
		CliTest.assertOneLineError(CliTest.run(batch), 1, "holds the outputs of 1 of these cases already (e.g. c1.nii.gz)",
			"--resume skips them, --overwrite replaces them");
		assertEquals("an earlier result", Files.readString(earlier));
		assertFalse(Files.exists(out.resolve("status.csv")), "refused before anything is written");

		assertOverwrites(batch, earlier);
	}

	@Test
	void batchRefusesAnOutputThatIsOneOfTheCaseFiles() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		// The case's own t1 lies in --out under the name the output would get.
		Path out = Files.createDirectories(tmp.resolve("out"));
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "c1", 20, 18, 10, 1);
		Files.move(caseDir.resolve("c1_t1.nii.gz"), out.resolve("c1.nii.gz"));
		StringBuilder csv = new StringBuilder("case_id,modality,path\nc1,t1," + out.resolve("c1.nii.gz") + "\n");
		for (String m : List.of("t1ce", "t2", "flair")) {
			csv.append("c1,").append(m).append(',').append(caseDir.resolve("c1_" + m + ".nii.gz")).append('\n');
		}
		Path file = Files.writeString(tmp.resolve("cases.csv"), csv);
		byte[] scan = Files.readAllBytes(out.resolve("c1.nii.gz"));
		CliTest.Outcome o = CliTest.run("batch", "--manifest", file.toString(), "--model", model.toString(), "--out",
			out.toString(), "--device", "cpu", "--overwrite");
		assertEquals(1, o.status());
		assertTrue(o.out().contains("c1: FAILED: ") && o.out().contains("is one of the inputs"), o.out());
		assertArrayEquals(scan, Files.readAllBytes(out.resolve("c1.nii.gz")), "the scan is untouched");
	}

	@Test
	void segmentNeverWritesOverItsInputsNorOverAnExistingOutputWithoutOverwrite() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "c1", 20, 18, 10, 1);
		Files.copy(caseDir.resolve("c1_t1.nii.gz"), caseDir.resolve("c1_seg.nii.gz"));
		for (String name : List.of("c1_t1.nii.gz", "c1_seg.nii.gz", "c1_flair.nii.gz")) {
			Path input = caseDir.resolve(name);
			byte[] scan = Files.readAllBytes(input);
			for (String spelling : List.of(input.toString(), caseDir.resolve("../c1/" + name).toString())) {
				CliTest.Outcome o = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
					"--output", spelling, "--device", "cpu", "--overwrite");
				CliTest.assertOneLineError(o, 1, "is one of the inputs");
			}
			assertArrayEquals(scan, Files.readAllBytes(input), name + " is untouched");
		}
		// --probabilities naming an input is refused the same way.
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
			"--output", tmp.resolve("seg.nii.gz").toString(), "--probabilities", caseDir.resolve("c1_t2.nii.gz").toString(),
			"--device", "cpu"), 1, "is one of the inputs");

		Files.delete(caseDir.resolve("c1_seg.nii.gz")); // a scan copied under the labels' name, not labels
		Path earlier = Files.writeString(tmp.resolve("seg.nii.gz"), "an earlier result");
		String[] segment = { "segment", "--model", model.toString(), "--input", caseDir.toString(), "--output",
			earlier.toString(), "--device", "cpu" };
		CliTest.assertOneLineError(CliTest.run(segment), 1, "seg.nii.gz: exists already", "--overwrite");
		assertEquals("an earlier result", Files.readString(earlier));
		assertOverwrites(segment, earlier);
	}

	@Test
	void segmentRemovesWhatAKilledSegmentLeftInItsOutputFolder() throws Exception {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "c1", 20, 18, 10, 1);
		Path out = Files.createDirectories(tmp.resolve("out"));
		// A writer SIGKILLed while writing the probabilities leaves its locked temporary file; the lock dies with it.
		TempFileHolder.kill(TempFileHolder.holding(out.resolve("seg_probabilities.nii.gz"), tmp.resolve("killed.log")));
		assertEquals(1, hiddenIn(out).size());
		CliTest.Outcome o = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output",
			out.resolve("seg.nii.gz").toString(), "--device", "cpu", "--probabilities");
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("removed 1 temporary file(s) left by a killed run"), o.out());
		assertEquals(List.of(), hiddenIn(out));
		assertEquals(List.of("seg.nii.gz", "seg.provenance.json", "seg_probabilities.nii.gz"), namesIn(out));
	}

	@Test
	void segmentWritesLabelsProbabilitiesAndProvenanceWholeOrNotAtAll() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "c1", 20, 18, 10, 1);
		Path out = Files.createDirectories(tmp.resolve("out"));
		Path earlier = Files.writeString(out.resolve("seg.nii.gz"), "an earlier result");
		// The provenance file cannot be written (a folder has its name): the whole set fails.
		Files.createDirectories(out.resolve("seg.provenance.json"));
		CliTest.Outcome o = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output",
			earlier.toString(), "--device", "cpu", "--probabilities", "--overwrite");
		CliTest.assertOneLineError(o, 1, "seg.provenance.json: cannot be written: a folder has that name");
		assertEquals("an earlier result", Files.readString(earlier), "the earlier label map is untouched");
		assertEquals(List.of("seg.nii.gz", "seg.provenance.json"), namesIn(out), "no probabilities, no temporary file");
	}

	@Test
	void outOfMemoryIsOneLineWithTheMemoryNeededAndNoOutput() throws IOException, InterruptedException {
		Path out = Files.createDirectories(tmp.resolve("out"));
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx32m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
			ModalityKdCli.class.getName(), "segment", "--model", "sample-data/models/teacher", "--input",
			"sample-data/synth_0001", "--output", out.resolve("seg.nii.gz").toString(), "--device", "cpu", "--probabilities"));
		Path err = tmp.resolve("err.txt");
		Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(tmp.resolve("out.txt").toFile()).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS));
		// TensorFlow's own native log lines (I0000 ..., WARNING: All log messages ...) are not ours.
		List<String> ours = Files.readAllLines(err).stream()
			.filter(l -> !l.matches("^[IWEF]\\d{4} .*") && !l.startsWith("WARNING: All log messages")).toList();
		assertNotEquals(0, p.exitValue(), ours.toString());
		assertEquals(1, ours.size(), "one line: " + ours);
		String line = ours.get(0);
		assertTrue(line.startsWith("modalitykd: out of memory"), line);
		assertTrue(line.contains("case synth_0001 (91x109x91 voxels x 4 modalities)") && line.contains("needs about")
			&& line.contains("MODALITYKD_JAVA_OPTS=-Xmx") && line.contains("org.bytedeco.javacpp.maxBytes"), line);
		assertEquals(List.of(), namesIn(out), "no output, no temporary file");

		// --debug keeps the stack trace after the line.
		cmd.add("--debug");
		Process debug = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(tmp.resolve("out.txt").toFile()).start();
		assertTrue(debug.waitFor(120, TimeUnit.SECONDS));
		String trace = Files.readString(err);
		assertTrue(trace.contains("modalitykd: out of memory") && trace.contains("java.lang.OutOfMemoryError")
			&& trace.contains("\tat org.modalitykd."), trace);
		assertEquals(List.of(), namesIn(out));
	}

	private static List<String> namesIn(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	private static List<String> hiddenIn(Path dir) throws IOException {
		return namesIn(dir).stream().filter(n -> n.startsWith(".")).toList();
	}

	/** {@code command} with {@code --overwrite} succeeds and replaces {@code earlier} with a label map of the case. */
	private static void assertOverwrites(String[] command, Path earlier) throws IOException {
		List<String> overwrite = new ArrayList<>(List.of(command));
		overwrite.add("--overwrite");
		CliTest.Outcome o = CliTest.run(overwrite.toArray(String[]::new));
		assertEquals(0, o.status(), o.err());
		assertArrayEquals(new int[] { 20, 18, 10 }, new NiftiReader().readLabels(earlier).geometry().dims());
	}
}
