/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.Upsampling;
import org.modalitykd.net.Weights;

/**
 * The upsampling option ({@link TrainingOption#UPSAMPLING}): its values, its default
 * (transposed, which every existing bundle and pinned test means), and how a distilled
 * student takes its teacher's unless one is named.
 */
class UpsamplingOptionTest {

	private static final TrainingParameters P = TrainingParameters.defaults().withPatchSize(16).withNetwork(3, 4);

	@Test
	void valuesAndSpellings() {
		assertEquals(Upsampling.RESIZE_CONV, TrainingParameters.upsampling("resize"));
		assertEquals(Upsampling.TRANSPOSED_CONV, TrainingParameters.upsampling("Transposed"));
		assertEquals(Upsampling.RESIZE_CONV, TrainingParameters.upsampling("resize_conv"), "the model card's spelling");
		assertNull(TrainingParameters.upsampling("auto"));
		assertNull(TrainingParameters.upsampling(null));
		assertEquals("transposed", Upsampling.TRANSPOSED_CONV.key());
		assertEquals("resize", Upsampling.RESIZE_CONV.key());
		assertEquals("upsampling", TrainingOption.UPSAMPLING.spelled(TrainingOption.Spelling.MACRO));
		assertEquals("--upsampling", TrainingOption.UPSAMPLING.spelled(TrainingOption.Spelling.CLI));
	}

	@Test
	void anUnknownValueIsOneLineNamingTheOption() {
		InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> P.withUpsampling("bilinear"));
		assertEquals("upsampling: unknown upsampling 'bilinear': choose transposed or resize (or auto: transposed, "
			+ "a distilled student its teacher's)", e.getMessage());
		assertTrue(e.spelled(TrainingOption.Spelling.CLI).getMessage().startsWith("--upsampling: "));
		assertEquals(1, e.getMessage().lines().count());
		assertThrows(InvalidOptionException.class, () -> P.withUpsampling(""), "blank is not auto");
	}

	@Test
	void theDefaultStaysTransposed() {
		assertNull(TrainingParameters.defaults().upsampling());
		assertEquals(Upsampling.TRANSPOSED_CONV, TrainingParameters.defaults().network(4).upsampling());
		assertEquals(UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4), P.network(4),
			"no option: the network is what it always was");
		assertEquals(Upsampling.RESIZE_CONV, P.withUpsampling("resize").withSeed(5).withNetwork(4, 8).network(1).upsampling(),
			"kept through the other with... methods");
	}

	@Test
	void theBaselineTeacherAndUnpairedUseTheChosenUpsampling() throws IOException {
		TrainingDataset data = TrainingDataset.load(TrainingFixtures.syntheticCases(), Modalities.BRATS);
		TrainingParameters resize = P.withUpsampling(Upsampling.RESIZE_CONV);
		assertEquals(Upsampling.RESIZE_CONV, TrainingJobs.teacher(data, resize).network().upsampling());
		assertEquals(Upsampling.RESIZE_CONV, TrainingJobs.student(data, "t2", TrainingMethod.SUPERVISED, null,
			TrainingJobs.Distillation.DEFAULTS, resize).network().upsampling());
		assertEquals(Upsampling.TRANSPOSED_CONV, TrainingJobs.teacher(data, P).network().upsampling());
	}

	@Test
	void aDistilledStudentCopiesItsTeachersUpsamplingUnlessOneIsNamed() throws IOException {
		TrainingDataset data = TrainingDataset.load(TrainingFixtures.syntheticCases(), Modalities.BRATS);
		UNetConfig resizeTeacher = UNetConfig.defaults(4, 4).withLevels(4).withBaseFilters(6)
			.withUpsampling(Upsampling.RESIZE_CONV);
		TeacherModel t = new TeacherModel(Path.of("teacher"), "0", resizeTeacher, Modalities.BRATS, new Weights(Map.of()));
		TrainingJob copied = TrainingJobs.student(data, "t1ce", TrainingMethod.KD_NET, t,
			TrainingJobs.Distillation.DEFAULTS, P);
		assertEquals(resizeTeacher.withInputChannels(1).withSeed(P.seed()), copied.network(),
			"levels, filters and upsampling from the teacher");
		TrainingJob named = TrainingJobs.student(data, "t1ce", TrainingMethod.PROTOKD, t,
			TrainingJobs.Distillation.DEFAULTS, P.withUpsampling("transposed"));
		assertEquals(Upsampling.TRANSPOSED_CONV, named.network().upsampling());
		assertEquals(List.of(4, 6), List.of(named.network().levels(), named.network().baseFilters()),
			"the rest of the shape stays the teacher's");
	}
}
