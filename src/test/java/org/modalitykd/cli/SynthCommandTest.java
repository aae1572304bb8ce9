package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.Modalities;

/** {@code synth} and {@code montage} from the command line. */
class SynthCommandTest {

	@TempDir
	Path tmp;

	private static CliTest.Outcome run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = ModalityKdCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new CliTest.Outcome(status, out.toString(), err.toString());
	}

	private static void assertOneLineError(CliTest.Outcome o, int status, String fragment) {
		assertEquals(status, o.status(), o.err());
		assertEquals(1, o.err().strip().lines().count(), "one line expected: " + o.err());
		assertTrue(o.err().startsWith("modalitykd: ") && o.err().contains(fragment), o.err());
	}

	@Test
	void synthWritesBratsCasesAndSaysWhichAnatomyItUsed() throws IOException {
		Path out = tmp.resolve("set");
		CliTest.Outcome o = run("synth", "--out", out.toString(), "--cases", "2", "--seed", "5", "--spacing", "4",
			"--anatomy", "parametric", "--id-prefix", "demo");
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("anatomy   parametric"), o.out());
		assertTrue(o.out().contains("case 1/2 demo_0001: WT ") && o.out().contains("case 2/2 demo_0002: WT "), o.out());
		List<CaseFiles> cases = BratsLayout.casesUnder(out);
		assertEquals(List.of("demo_0001", "demo_0002"), cases.stream().map(CaseFiles::id).toList());
		for (CaseFiles c : cases) {
			assertEquals(Modalities.BRATS, c.modalityNames());
			assertTrue(c.labels().isPresent());
		}
		assertTrue(Files.isRegularFile(out.resolve("synth-cases.tsv")));

		Path png = tmp.resolve("pictures/montage.png");
		CliTest.Outcome m = run("montage", out.toString(), "--out", png.toString(), "--zoom", "2");
		assertEquals(0, m.status(), m.err());
		BufferedImage image = ImageIO.read(png.toFile());
		// Five columns of 45 voxels (180 mm at 4 mm) drawn 2 pixels per voxel, with margins.
		assertEquals(6 + 5 * (2 * 45 + 6), image.getWidth());
		assertTrue(image.getHeight() > 2 * 2 * 54, "two rows of 54-voxel-high slices");
	}

	@Test
	void badRequestsAreOneLineErrors() throws IOException {
		String out = tmp.resolve("x").toString();
		assertOneLineError(run("synth", "--out", out, "--cases", "0", "--seed", "1"), 2, "--cases");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--spacing", "0"), 2, "--spacing");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--anatomy", "mni"), 2, "mni");
		assertOneLineError(run("synth", "--out", out, "--cases", "1"), 2, "--seed");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--id-prefix", "a_b"), 2, "--id-prefix");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--min-ml", "50", "--max-ml", "5"), 2, "50");
		CliTest.Outcome missing = run("synth", "--out", out, "--cases", "1", "--seed", "1", "--anatomy", "colin27",
			"--templates", tmp.resolve("nowhere").toString());
		assertOneLineError(missing, 1, "mricron-data");
		assertFalse(Files.exists(tmp.resolve("x")), "nothing written on failure");
		Path file = tmp.resolve("plain-file");
		Files.writeString(file, "x");
		assertOneLineError(run("synth", "--out", file.toString(), "--cases", "1", "--seed", "1", "--anatomy", "parametric"), 1,
			"is a file");
		assertOneLineError(run("montage", tmp.toString(), "--out", tmp.resolve("m.png").toString()), 2, "no BraTS cases");
	}
}
