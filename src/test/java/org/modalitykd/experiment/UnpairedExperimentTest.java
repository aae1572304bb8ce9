/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.CtCases;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.Normalization;
import org.modalitykd.train.CaseCacheSettings;
import org.modalitykd.train.TrainingDataset;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingMethod;

/**
 * The unpaired experiment (issue 16, Dou et al.'s setting): which networks it trains on which
 * half of the pool, what each row is compared with, and that the ablations' jobs differ
 * from the full joint network in exactly the ablated setting.
 */
class UnpairedExperimentTest {

	@TempDir
	Path tmp;

	@Test
	void eachPairHasItsAloneNetworksTheJointNetworkAndThreeAblations() {
		ExperimentDesign design = new ExperimentDesign(ExperimentPlan.unpaired());
		// ct and t2 alone on the first half, flair alone on the second (once, though in both
		// pairs), and per pair the joint network and its three ablations: 3 + 2 x 4 = 11
		// trainings; 3 alone rows and 2 per joint network: 3 + 16 = 19 rows. No teacher.
		List<String> names = design.trainings().stream().map(ExperimentDesign.Training::name).toList();
		assertEquals(List.of("ct-alone", "flair-alone", "ct-flair-unpaired", "ct-flair-unpaired-kd0",
			"ct-flair-unpaired-sharedbn", "ct-flair-unpaired-instance", "t2-alone", "t2-flair-unpaired",
			"t2-flair-unpaired-kd0", "t2-flair-unpaired-sharedbn", "t2-flair-unpaired-instance"), names);
		assertEquals(19, design.rows().size());
		assertTrue(design.trainings().stream().noneMatch(ExperimentDesign.Training::isTeacher));

		assertEquals(ExperimentDesign.Cases.FIRST_HALF, design.training("ct-alone").get(0).cases());
		assertEquals(ExperimentDesign.Cases.FIRST_HALF, design.training("t2-alone").get(0).cases());
		assertEquals(ExperimentDesign.Cases.SECOND_HALF, design.training("flair-alone").get(0).cases());

		// The joint network against each modality alone; each ablation against the joint network.
		assertEquals("flair alone (half)", design.row("flair unpaired (ct+flair)").baseline());
		assertEquals("ct alone (half)", design.row("ct unpaired (ct+flair)").baseline());
		assertEquals("flair alone (half)", design.row("flair unpaired (t2+flair)").baseline());
		assertEquals("t2 unpaired (t2+flair)", design.row("t2 unpaired without KL (t2+flair)").baseline());
		assertEquals("ct unpaired (ct+flair)", design.row("ct unpaired with shared batch norm (ct+flair)").baseline());
		assertEquals("flair unpaired (ct+flair)", design.row("flair unpaired with instance norm (ct+flair)").baseline());
		assertEquals("ct", design.row("ct unpaired with instance norm (ct+flair)").modality());
		// ... and also against the modality alone: which joint setting, if any, beats training alone.
		assertEquals("t2 alone (half)", design.row("t2 unpaired without KL (t2+flair)").reference());
		assertEquals("flair alone (half)", design.row("flair unpaired with instance norm (ct+flair)").reference());
		assertEquals(null, design.row("flair unpaired (ct+flair)").reference(), "its baseline is already the modality alone");
		// Every baseline and reference names a row of the design.
		Set<String> labels = new HashSet<>();
		design.rows().forEach(r -> labels.add(r.label()));
		design.rows().stream().filter(r -> r.baseline() != null).forEach(r -> assertTrue(labels.contains(r.baseline()),
			r.label() + " -> " + r.baseline()));
		design.rows().stream().filter(r -> r.reference() != null)
			.forEach(r -> assertTrue(labels.contains(r.reference()), r.label() + " -> " + r.reference()));
		assertEquals(12, design.rows().stream().filter(r -> r.reference() != null).count(), "2 pairs x 3 ablations x 2 modalities");

		assertEquals(0.0, design.training("t2-flair-unpaired-kd0").get(0).distillation().weight());
		assertEquals(org.modalitykd.train.NetworkNormalization.BATCH,
			design.training("ct-flair-unpaired-sharedbn").get(0).normalization());
		assertEquals(org.modalitykd.train.NetworkNormalization.MODALITY_INSTANCE,
			design.training("ct-flair-unpaired-instance").get(0).normalization());
		assertEquals(null, design.training("ct-flair-unpaired").get(0).normalization(), "the method's default");
	}

	@Test
	void theMainDesignKeepsItsSingleUnpairedPairWithoutAblations() {
		ExperimentDesign design = new ExperimentDesign(ExperimentPlan.quick());
		assertEquals(1, design.trainings().stream().filter(t -> t.method() == TrainingMethod.UNPAIRED).count());
		assertEquals("t1 alone (half)", design.row("t1 unpaired").baseline());
	}

	@Test
	void plansRefuseWhatCannotBeCompared() {
		ExperimentPlan p = ExperimentPlan.unpaired();
		assertThrows(IllegalArgumentException.class, () -> new ExperimentPlan(p.kind(), 40, 20, 3, 5, 11, p.seeds(), 32, 3,
			8, 2, 10, 10, 2e-3, 0.2, List.of(), List.of(), List.of("ct", "flair", "t2"), 0), "an odd list is no pairs");
		assertThrows(IllegalArgumentException.class, () -> new ExperimentPlan(p.kind(), 40, 20, 3, 5, 11, p.seeds(), 32, 3,
			8, 2, 10, 10, 2e-3, 0.2, List.of(), List.of(), List.of("ct", "ct"), 0));
		assertThrows(IllegalArgumentException.class, () -> new ExperimentPlan(p.kind(), 40, 20, 3, 5, 11, p.seeds(), 32, 3,
			8, 2, 10, 10, 2e-3, 0.2, List.of(), List.of(), List.of(), 0), "the unpaired experiment needs a pair");
		// flair first in one pair and second in the other: its "alone" network cannot be on both halves.
		ExperimentPlan mixed = new ExperimentPlan(p.kind(), 40, 20, 3, 5, 11, p.seeds(), 32, 3, 8, 2, 10, 10, 2e-3, 0.2,
			List.of(), List.of(), List.of("ct", "flair", "flair", "t2"), 0);
		assertThrows(IllegalArgumentException.class, () -> new ExperimentDesign(mixed));
		assertEquals("test", p.evaluationName());
		assertEquals(p.dataSeed() + 1, p.evaluationSeed(), "the main experiment's test cases");
		assertEquals(List.of("t1", "t1ce", "t2", "flair", "ct"), p.caseModalities());
		assertEquals(List.of("t1", "t1ce", "t2", "flair"), ExperimentPlan.full().caseModalities());
	}

	@Test
	void theAblationsJobsDifferFromTheJointNetworkInTheAblatedSettingOnly() throws IOException {
		ExperimentPlan plan = ExperimentPlan.quickUnpaired();
		CtCases.write(tmp.resolve("pool"), "pool", 8, 3, List.of("flair", "ct"));
		TrainingDataset pool = TrainingDataset.load(tmp.resolve("pool"), List.of("flair", "ct"));
		ExperimentDesign design = new ExperimentDesign(plan);
		TrainingJob joint = job(plan, design, "ct-flair-unpaired", pool);
		TrainingJob kd0 = job(plan, design, "ct-flair-unpaired-kd0", pool);
		TrainingJob shared = job(plan, design, "ct-flair-unpaired-sharedbn", pool);
		TrainingJob instance = job(plan, design, "ct-flair-unpaired-instance", pool);

		assertEquals(ModelRole.UNPAIRED, joint.role());
		assertEquals(List.of("ct", "flair"), joint.modalities());
		// Dou et al.'s default: batch norm with a slot per modality.
		assertEquals(Normalization.BATCH, joint.network().normalization());
		assertEquals(2, joint.network().normSlots());
		assertEquals(Normalization.BATCH, shared.network().normalization());
		assertEquals(1, shared.network().normSlots());
		assertEquals(Normalization.INSTANCE, instance.network().normalization());
		assertEquals(2, instance.network().normSlots());
		assertEquals(joint.objective().describe(), shared.objective().describe());
		assertEquals(joint.objective().describe(), instance.objective().describe());
		assertNotEquals(joint.objective().describe(), kd0.objective().describe());
		assertEquals(0.0, kd0.objective().describe().get("class_kd"));
		assertTrue(joint.objective().describe().get("class_kd") > 0);
		assertEquals(joint.network(), kd0.network());

		// The two modalities come from disjoint halves of the pool.
		Set<String> ct = new HashSet<>(joint.data().ids());
		Set<String> flair = new HashSet<>(joint.dataB().ids());
		assertEquals(4, ct.size());
		assertEquals(4, flair.size());
		ct.retainAll(flair);
		assertTrue(ct.isEmpty(), "no subject in both halves: " + ct);

		// The four jobs have four settings keys: no record of one is taken for another.
		Set<String> keys = new HashSet<>();
		for (TrainingJob j : List.of(joint, kd0, shared, instance)) {
			keys.add(j.network().describe() + j.objective().describe());
		}
		assertEquals(4, keys.size());
	}

	private TrainingJob job(ExperimentPlan plan, ExperimentDesign design, String name, TrainingDataset pool)
		throws IOException {
		return ExperimentJobs.job(plan, design.training(name).get(0), 1, pool, tmp.resolve("seed-1").resolve(name),
			CaseCacheSettings.defaults());
	}
}
