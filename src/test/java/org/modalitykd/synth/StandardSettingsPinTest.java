/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The standard settings make exactly the cases the generator made before its knobs
 * became {@link GeneratorSettings}: SHA-256 of the voxels of three parametric cases
 * (MRI and CT, 4 mm), recorded with the generator of commit 398fd78. The sample data
 * ({@link SampleDataTest}) pin the Colin27 cases the same way.
 */
class StandardSettingsPinTest {

	static String digest(List<SyntheticCase> cases) throws NoSuchAlgorithmException {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (SyntheticCase c : cases) {
			for (String m : c.images().channelNames()) {
				float[] v = c.images().channel(m);
				ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
				b.asFloatBuffer().put(v);
				sha.update(b.array());
			}
			sha.update(c.labels().labels());
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	@Test
	void standardSettingsReproduceTheCasesOfBefore() throws NoSuchAlgorithmException {
		List<SyntheticCase> cases = SynthFixtures.cases("parametric", 4, 11, 3, List.of("t1", "t1ce", "t2", "flair", "ct"));
		assertEquals("a61a2c3ce94730da3f9c3f38f22b155845da0533fd2079dc2de93a68cbd39b49", digest(cases));
	}
}
