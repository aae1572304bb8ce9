/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modalitykd.TestDevice;
import org.modalitykd.data.PatchBatch;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.VariableStore;
import org.modalitykd.net.Weights;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * The frozen teacher and where gradients go: after student training the teacher's
 * weights are bit-identical and every student parameter moved; the loss has no
 * gradient path to any teacher variable; in unpaired training every shared kernel and
 * both modalities' normalisation parameters receive a non-zero gradient.
 */
class DistillationTrainerTest {

	static final UNetConfig TEACHER = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);
	static final UNetConfig STUDENT = TEACHER.withInputChannels(1).withSeed(2);
	static final UNetConfig UNPAIRED = STUDENT.withNormalization(TEACHER.normalization(), 2);

	/** A teacher that has learnt something: a few supervised steps on a synthetic patch. */
	static Weights trainedTeacher() {
		try (Trainer t = Trainer.create(TEACHER, null, null,
			Objective.defaults(TrainingMethod.SUPERVISED), TestDevice.session())) {
			PatchBatch b = SyntheticPatches.tumour(16, new double[] { 7.3, 8.6, 7.9 }, 1);
			for (int i = 0; i < 3; i++) {
				t.step(b, null, 3e-3);
			}
			return t.weights();
		}
	}

	/** Channel c of a 4-channel batch as a 1-channel batch. */
	static PatchBatch channel(PatchBatch b, int c) {
		int voxels = b.labels().length / b.count();
		float[] images = new float[b.count() * voxels];
		for (int n = 0; n < b.count(); n++) {
			System.arraycopy(b.images(), (n * b.channels() + c) * voxels, images, n * voxels, voxels);
		}
		return PatchBatch.of(b.count(), 1, b.size(), images, b.labels());
	}

	@Test
	void teacherStaysBitIdenticalAndEveryStudentParameterMoves() {
		Weights teacher = trainedTeacher();
		PatchBatch batch = SyntheticPatches.tumour(16, new double[] { 8.2, 7.1, 8.4 }, 3);
		for (TrainingMethod method : List.of(TrainingMethod.KD_NET, TrainingMethod.PROTOKD)) {
			try (Trainer t = Trainer.create(STUDENT, TEACHER, new int[] { 1 },
				Objective.defaults(method), TestDevice.session())) {
				t.loadTeacher(teacher);
				assertSame(teacher, t.teacherWeights(), method + ": the teacher was loaded");
				Weights before = t.weights();
				StepResult r = null;
				for (int i = 0; i < 3; i++) {
					r = t.step(batch, null, 3e-3);
				}
				assertSame(teacher, t.teacherWeights(), method + ": the teacher did not change");
				Weights after = t.weights();
				for (var e : t.studentStore().trainableEntries()) {
					assertFalse(Arrays.equals(before.get(e.name()).values(), after.get(e.name()).values()),
						method + ": student parameter " + e.name() + " did not move");
				}
				List<String> expected = method == TrainingMethod.KD_NET
					? List.of("loss", "dice", "cross_entropy", "kd", "feature_l2", "gradient_norm", "learning_rate")
					: List.of("loss", "dice", "cross_entropy", "pixel_kd", "proto_kd", "gradient_norm", "learning_rate");
				assertEquals(expected, List.copyOf(r.terms().keySet()));
				Objective o = t.objective();
				double total = o.segmentation().diceWeight() * r.term("dice")
					+ o.segmentation().crossEntropyWeight() * r.term("cross_entropy")
					+ (o.methodLosses() instanceof KdNetLosses kd
						? kd.kdWeight() * r.term("kd") + kd.featureWeight() * r.term("feature_l2")
						: ((ProtoKdLosses) o.methodLosses()).alpha() * r.term("pixel_kd")
							+ ((ProtoKdLosses) o.methodLosses()).beta() * r.term("proto_kd"));
				assertEquals(total, r.loss(), 1e-5 * Math.max(1, total), method + ": total = weighted sum of the terms");
				assertTrue(r.terms().values().stream().allMatch(Double::isFinite), r.toString());
			}
		}
	}

	private static void assertSame(Weights expected, Weights actual, String message) {
		assertEquals(expected.tensors().keySet(), actual.tensors().keySet(), message);
		for (String name : expected.tensors().keySet()) {
			assertArrayEquals(expected.get(name).values(), actual.get(name).values(), 0f, message + ": " + name);
		}
	}

	@Test
	void theLossGivesTheTeacherOnlyZeroGradients() {
		PatchBatch batch = SyntheticPatches.tumour(16, new double[] { 8.2, 7.1, 8.4 }, 3);
		for (TrainingMethod method : List.of(TrainingMethod.KD_NET, TrainingMethod.PROTOKD)) {
			// Every term on, at full weight from the first step (ProtoKD's defaults leave the
			// prototype term out and warm up; gradientNorms feeds no warm-up factor).
			Objective objective = method == TrainingMethod.PROTOKD
				? Objective.defaults(method).withMethodLosses(new ProtoKdLosses(10, 10, 0.1)).withDistillationWarmup(0)
				: Objective.defaults(method);
			try (Trainer t = Trainer.create(STUDENT, TEACHER, new int[] { 2 }, objective, TestDevice.session())) {
				List<VariableStore.Entry> entries = t.teacherStore().trainableEntries();
				double[] norms = gradientNorms(t, entries, batch, null);
				for (int i = 0; i < norms.length; i++) {
					assertEquals(0, norms[i], 0, method + ": a gradient reaches teacher variable " + entries.get(i).name());
				}
				// ...while the same computation gives the student's variables non-zero gradients.
				List<VariableStore.Entry> studentEntries = t.studentStore().trainableEntries();
				double[] student = gradientNorms(t, studentEntries, batch, null);
				for (int i = 0; i < student.length; i++) {
					assertTrue(student[i] > 0, method + ": no gradient reaches " + studentEntries.get(i).name());
				}
				assertEquals(TEACHER.inputChannels(), t.batchChannels());
			}
		}
	}

	/**
	 * Whether TF returned "no gradient": TF Java wraps the C API's null output as an
	 * Output whose operation says its graph is closed.
	 */
	static boolean isNone(Output<?> gradient) {
		if (gradient == null) {
			return true;
		}
		try {
			gradient.op().type();
			return false;
		} catch (IllegalStateException e) {
			return true;
		}
	}

	/**
	 * The L2 norm of d(total loss)/d(variable) for each entry on the given batches; 0 for
	 * a variable TF finds no path to (its gradient is then null or identically zero:
	 * StopGradient makes zeros).
	 */
	static double[] gradientNorms(Trainer t, List<VariableStore.Entry> entries, PatchBatch a, PatchBatch b) {
		Output<?>[] xs = entries.stream().map(e -> e.read().asOutput()).toArray(Output[]::new);
		Output<?>[] grads = t.graph().addGradients(t.totalLoss().asOutput(), xs);
		double[] norms = new double[grads.length];
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = t.feed(a, b, fed);
			List<Integer> fetched = new ArrayList<>();
			for (int i = 0; i < grads.length; i++) {
				if (!isNone(grads[i])) {
					runner.fetch(grads[i]);
					fetched.add(i);
				}
			}
			if (fetched.isEmpty()) {
				return norms;
			}
			try (Result r = runner.run()) {
				for (int k = 0; k < fetched.size(); k++) {
					double n = 0;
					for (float v : org.modalitykd.net.Tensors.toFloats((TFloat32) r.get(k))) {
						n += (double) v * v;
					}
					norms[fetched.get(k)] = Math.sqrt(n);
				}
			}
		} finally {
			fed.forEach(Tensor::close);
		}
		return norms;
	}

	@Test
	void unpairedGradientsReachEverySharedKernelAndBothModalitiesNormalisation() {
		PatchBatch four = SyntheticPatches.tumour(16, new double[] { 7.3, 8.6, 7.9 }, 4);
		PatchBatch other = SyntheticPatches.tumour(16, new double[] { 8.5, 7.5, 7.0 }, 5);
		try (Trainer t = Trainer.create(UNPAIRED, null, null,
			Objective.defaults(TrainingMethod.UNPAIRED), TestDevice.session())) {
			List<VariableStore.Entry> entries = t.studentStore().trainableEntries();
			double[] norms = gradientNorms(t, entries, channel(four, 0), channel(other, 2));
			for (int i = 0; i < norms.length; i++) {
				assertTrue(norms[i] > 0, "no gradient reaches " + entries.get(i).name());
			}
			assertTrue(entries.stream().anyMatch(e -> e.name().endsWith("_slot1")), "the network has a second slot");
			StepResult r = t.step(channel(four, 0), channel(other, 2), 1e-3);
			assertEquals(List.of("loss", "dice", "cross_entropy", "dice_b", "cross_entropy_b", "class_kd", "gradient_norm",
				"learning_rate"), List.copyOf(r.terms().keySet()));
			assertTrue(r.term("class_kd") > 0, r.toString());
			assertThrows(IllegalArgumentException.class, () -> t.step(channel(four, 0), null, 1e-3));
		}
	}

	@Test
	void refusesMismatchedSetups() {
		Objective kd = Objective.defaults(TrainingMethod.KD_NET);
		assertThrows(IllegalArgumentException.class,
			() -> Trainer.create(STUDENT, null, null, kd, TestDevice.session()), "KD needs a teacher");
		assertThrows(IllegalArgumentException.class,
			() -> Trainer.create(STUDENT, TEACHER, new int[] { 4 }, kd, TestDevice.session()));
		// Unpaired: one channel, and one normalisation slot per modality or one shared (the ablation).
		assertThrows(IllegalArgumentException.class, () -> Trainer.create(STUDENT.withNormalization(
			STUDENT.normalization(), 3), null, null, Objective.defaults(TrainingMethod.UNPAIRED), TestDevice.session()),
			"two modalities have no third slot");
		assertThrows(IllegalArgumentException.class, () -> Trainer.create(STUDENT.withInputChannels(2), null, null,
			Objective.defaults(TrainingMethod.UNPAIRED), TestDevice.session()), "unpaired reads one channel");
		// ProtoKD's defaults (the sweep's): alpha 1, T 10, beta 0, warm-up over 20 % of the steps.
		Map<String, Double> d = Objective.defaults(TrainingMethod.PROTOKD).describe();
		assertEquals(1, d.get("pixel_kd"));
		assertEquals(10, d.get("temperature"));
		assertEquals(0, d.get("proto_kd"));
		assertEquals(0.2, d.get("kd_warmup"));
	}
}
