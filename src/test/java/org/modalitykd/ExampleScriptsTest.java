package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;
import org.python.util.PythonInterpreter;

/**
 * The Jython examples shipped in scripts/examples run against the real API. The
 * {@code #@} lines are SciJava parameters; here they are set as plain variables.
 */
class ExampleScriptsTest {

	@TempDir
	Path tmp;

	private Path writeCase(Path root, String id) throws IOException {
		Path dir = Files.createDirectories(root.resolve(id));
		Geometry g = Geometry.axisAligned(4, 3, 2, 1, 1, 1);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1);
		for (String m : new String[] { "t1", "t1ce", "t2", "flair" }) {
			new NiftiWriter().writeVolume(Volume.of(g, m, new float[24]), h, dir.resolve(id + "_" + m + ".nii.gz"));
		}
		return dir;
	}

	private static String run(String script, String name, Object value, String name2, Object value2) throws IOException {
		StringWriter out = new StringWriter();
		try (PythonInterpreter py = new PythonInterpreter()) {
			py.setOut(out);
			py.set(name, value);
			if (name2 != null) {
				py.set(name2, value2);
			}
			py.exec(Files.readString(Path.of("scripts/examples", script)));
		}
		return out.toString();
	}

	@Test
	void batchStatsListsEveryCase() throws IOException {
		writeCase(tmp, "BraTS_A");
		writeCase(tmp, "BraTS_B");
		String out = run("batch_stats.py", "root", tmp.toFile(), null, null);
		assertTrue(out.contains("BraTS_A\tt1,t1ce,t2,flair\tok"), out);
		assertTrue(out.contains("BraTS_B\t"), out);
	}

	@Test
	void openCaseLoadsTheRequestedModalities() throws IOException {
		File dir = writeCase(tmp, "BraTS_C").toFile();
		String out = run("open_case.py", "case_path", dir, "modalities", "flair,t1");
		assertTrue(out.contains("BraTS_C: [u'flair', u't1'], 4x3x2 @ 1.000x1.000x1.000 mm")
			|| out.contains("BraTS_C: ['flair', 't1'], 4x3x2"), out);
	}
}
