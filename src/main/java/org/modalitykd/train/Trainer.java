/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.data.PatchBatch;
import org.modalitykd.net.Conv3dGradients;
import org.modalitykd.net.Layers;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.NetMode;
import org.modalitykd.net.NormKernel;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Tensors;
import org.modalitykd.net.UNet;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.VariableStore;
import org.modalitykd.net.Weights;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The training graph of every method of METHODS.md: the trained network (the only one the
 * optimiser updates) with Dice + cross-entropy, plus what its {@link MethodLosses} adds,
 * for KD-Net / ProtoKD on a frozen teacher whose forward pass runs in the same graph, for
 * unpaired training on the same network applied to a second batch with its own
 * normalisation slot. Built once; {@link #step} runs one AdamW step and returns every loss
 * term. Owns native resources: close it. Not thread-safe.
 * <p>
 * Inputs ({@link BatchInput}): {@code images}/{@code labels}, holding the teacher's
 * channels when there is a teacher (the student reads {@code studentChannels} of them),
 * the network's otherwise; for unpaired training also {@code images_b}/{@code labels_b},
 * the second modality's batch (slot 1; the first uses slot 0). With one batch and several
 * slots, the batch's own {@link PatchBatch#normSlot()} is used.
 * <p>
 * Variables: trained network {@code net/...}, teacher {@code teacher/...}, Adam moments
 * {@code adam/...}, step {@code adamw/step}; a {@link Checkpoint} holds all of them. The
 * teacher is frozen three ways: its variables are not in the optimiser's list, its outputs
 * pass through StopGradient, and it runs in inference mode.
 */
public final class Trainer implements AutoCloseable {

	private final UNetConfig config;
	private final Objective objective;
	private final Graph graph;
	private final Session session;
	private final VariableStore student;
	private final VariableStore teacher;
	private final BatchInput input;
	private final BatchInput inputB;
	private final Operand<TInt32> slot;
	private final Operand<TInt32> slotB;
	private final Operand<TInt32> evalSlot;
	private final Placeholder<TFloat32> learningRate;
	/** Null when the objective has no warm-up: the graph is then the same as before warm-ups existed. */
	private final Placeholder<TFloat32> distillationScale;
	private final Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
	private final Operand<TFloat32> total;
	private final AdamW.Minimization minimization;
	private final Operand<TFloat32> evalProbabilities;
	private final int batchChannels;

	private Trainer(UNetConfig config, UNetConfig teacherConfig, int[] studentChannels, Objective objective,
		SessionOptions options) {
		Conv3dGradients.ensureRegistered();
		TrainingMethod method = objective.method();
		checkSetup(config, teacherConfig, studentChannels, method);
		this.config = config;
		this.objective = objective;
		this.batchChannels = teacherConfig != null ? teacherConfig.inputChannels() : config.inputChannels();
		graph = new Graph();
		try {
			Ops tf = Ops.create(graph);
			int classes = config.classes();
			input = new BatchInput(tf, "", batchChannels, config.sizeMultiple());
			learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			Operand<TFloat32> x = input.ndhwc(tf);
			Operand<TFloat32> y = input.oneHot(tf, classes);
			student = new VariableStore(tf, "net", config.seed());
			Operand<TFloat32> studentX = teacherConfig == null ? x
				: tf.gather(x, tf.constant(studentChannels), tf.constant(4));
			// The fused norm on the CPU: one kernel, and one full-size map per block less kept for the backward pass.
			NormKernel kernel = NormKernel.of(options);
			UNet<TFloat32> net = UNet.build(tf.withSubScope("train"), config, student, TFloat32.class, studentX,
				NetMode.TRAINING, kernel);
			slot = net.normSlot();
			List<Op> updates = new ArrayList<>(net.updateOps());
			distillationScale = objective.distillationWarmup() > 0
				? tf.withName("distillation_scale").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()))
				: null;
			LossTerms loss = new LossTerms(tf.withSubScope("loss"), distillationScale);
			objective.segmentation().addTerms(loss, net, y, "", classes);

			UNet<TFloat32> teacherNet = null;
			if (teacherConfig != null) {
				teacher = new VariableStore(tf, "teacher", teacherConfig.seed());
				teacherNet = UNet.build(tf.withSubScope("teacher_forward"), teacherConfig, teacher, TFloat32.class, x,
					NetMode.INFERENCE, kernel);
			} else {
				teacher = null;
			}
			UNet<TFloat32> netB = null;
			Operand<TFloat32> yB = null;
			if (method.twoModalities()) {
				inputB = new BatchInput(tf, "_b", 1, config.sizeMultiple());
				yB = inputB.oneHot(tf, classes);
				Ops tfB = Layers.afterSharedUpdates(tf, config.normalization(), config.normSlots(), net.updateOps());
				netB = UNet.build(tfB.withSubScope("train_b"), config, student, TFloat32.class, inputB.ndhwc(tf),
					NetMode.TRAINING, kernel);
				slotB = netB.normSlot();
				updates.addAll(netB.updateOps());
			} else {
				inputB = null;
				slotB = null;
			}
			objective.methodLosses().addTerms(new LossInputs(classes, net, y, teacherNet, netB, yB),
				objective.segmentation(), loss);
			total = loss.total();
			minimization = AdamW.minimize(tf, total, student.trainableEntries(), learningRate, objective.optimizer(),
				new VariableStore(tf, "adam", config.seed()), updates);
			UNet<TFloat32> eval = UNet.build(tf.withSubScope("eval"), config, student, TFloat32.class, studentX,
				NetMode.INFERENCE, kernel);
			evalSlot = eval.normSlot();
			evalProbabilities = tf.linalg.transpose(eval.probabilities(), tf.constant(new int[] { 0, 4, 1, 2, 3 }));
			// Reported terms: total first, then the parts.
			terms.put("loss", total);
			terms.putAll(loss.named());
			terms.put("gradient_norm", minimization.gradientNorm());
			session = new Session(graph, options.toConfigProto());
		} catch (RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	private static void checkSetup(UNetConfig config, UNetConfig teacherConfig, int[] studentChannels,
		TrainingMethod method) {
		if (config.deepSupervision() && method != TrainingMethod.SUPERVISED) {
			throw new IllegalArgumentException("distillation training uses the full-resolution output only; "
				+ "build the network without deep supervision");
		}
		if (method.needsTeacher() != (teacherConfig != null)) {
			throw new IllegalArgumentException(method.key() + (method.needsTeacher() ? " needs a teacher" : " takes no teacher"));
		}
		if (method.twoModalities() && (config.normSlots() > 2 || config.inputChannels() != 1)) {
			throw new IllegalArgumentException("unpaired training needs a one-channel network with 1 or 2 normalisation slots, not "
				+ config.describe());
		}
		if (teacherConfig != null) {
			if (teacherConfig.classes() != config.classes()) {
				throw new IllegalArgumentException("the teacher has " + teacherConfig.classes() + " classes, the student "
					+ config.classes());
			}
			if (studentChannels == null || studentChannels.length != config.inputChannels()
				|| Arrays.stream(studentChannels).anyMatch(c -> c < 0 || c >= teacherConfig.inputChannels())) {
				throw new IllegalArgumentException("the student's channels " + Arrays.toString(studentChannels)
					+ " must be " + config.inputChannels() + " of the teacher's " + teacherConfig.inputChannels());
			}
		}
	}

	/**
	 * A trainer without a teacher: a teacher, a baseline or an unpaired network.
	 *
	 * @throws org.modalitykd.net.DeviceUnavailableException when a GPU is asked for and none is usable
	 */
	public static Trainer create(UNetConfig config, Objective objective, SessionOptions options) {
		return new Trainer(config, null, null, objective, options);
	}

	/**
	 * Builds the graph and session.
	 *
	 * @param config          the trained network
	 * @param teacherConfig   the frozen teacher's network (KD-Net, ProtoKD), else null
	 * @param studentChannels which of the teacher's channels the student reads (KD only)
	 */
	public static Trainer create(UNetConfig config, UNetConfig teacherConfig, int[] studentChannels, Objective objective,
		SessionOptions options) {
		return new Trainer(config, teacherConfig, studentChannels, objective, options);
	}

	public UNetConfig config() {
		return config;
	}

	public Objective objective() {
		return objective;
	}

	/** Channels a batch must have: the teacher's when there is one, else the network's. */
	public int batchChannels() {
		return batchChannels;
	}

	/** Puts the teacher's weights (e.g. {@link ModelBundle#weights()}) into the graph. */
	public void loadTeacher(Weights weights) {
		teacherStore("this trainer has no teacher").assign(session, weights);
	}

	/** One AdamW step on one batch (all methods but unpaired). */
	public StepResult step(PatchBatch batch, double lr) {
		return step(batch, null, lr);
	}

	/**
	 * One AdamW step; returns every loss term as computed before the update, plus
	 * {@code learning_rate}.
	 *
	 * @param b the second modality's batch (unpaired training), else null
	 */
	public StepResult step(PatchBatch a, PatchBatch b, double lr) {
		return step(a, b, lr, 1);
	}

	/**
	 * The same with the distillation terms' weights times {@code distillationScale}
	 * ({@link Objective#distillationScale}); ignored when the objective has no warm-up.
	 */
	public StepResult step(PatchBatch a, PatchBatch b, double lr, double distillationScale) {
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = feed(a, b, fed);
			feedScale(runner, distillationScale, fed);
			return OptimizerStep.run(runner, fed, learningRate, minimization, terms, lr);
		} finally {
			fed.forEach(Tensor::close);
		}
	}

	/** The loss terms on one batch without changing anything (batch norm in training mode). */
	public Map<String, Double> losses(PatchBatch batch) {
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = feed(batch, null, fed);
			feedScale(runner, 1, fed);
			List<String> names = terms.keySet().stream().filter(n -> !n.equals("gradient_norm")).toList();
			names.forEach(n -> runner.fetch(terms.get(n)));
			try (Result r = runner.run()) {
				Map<String, Double> values = new LinkedHashMap<>();
				for (int i = 0; i < names.size(); i++) {
					values.put(names.get(i), Tensors.scalar(r.get(i)));
				}
				return values;
			}
		} finally {
			fed.forEach(Tensor::close);
		}
	}

	/**
	 * Class probabilities of the trained network in inference mode, laid out like the
	 * images: for each patch, for each class, z slices of y rows of x. Labels are not needed.
	 */
	public float[] predict(PatchBatch batch) {
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = session.runner();
			input.feed(runner, batch, false, fed);
			feedSlot(runner, evalSlot, batch.normSlot(), fed);
			try (Result r = runner.fetch(evalProbabilities).run()) {
				return Tensors.toFloats(r.get(0));
			}
		} finally {
			fed.forEach(Tensor::close);
		}
	}

	/** The names {@link #step} reports, in order. */
	public List<String> termNames() {
		List<String> names = new ArrayList<>(terms.keySet());
		names.add("learning_rate");
		return names;
	}

	Session.Runner feed(PatchBatch a, PatchBatch b, List<Tensor> fed) {
		if ((b != null) != (inputB != null)) {
			throw new IllegalArgumentException(inputB != null ? "unpaired training needs a batch of each modality"
				: "only unpaired training takes a second batch");
		}
		Session.Runner runner = session.runner();
		input.feed(runner, a, true, fed);
		if (b == null) {
			feedSlot(runner, slot, a.normSlot(), fed);
		} else {
			inputB.feed(runner, b, true, fed);
			feedSlot(runner, slotB, 1, fed);
		}
		return runner;
	}

	private void feedScale(Session.Runner runner, double scale, List<Tensor> fed) {
		if (distillationScale != null) {
			TFloat32 t = TFloat32.scalarOf((float) scale);
			fed.add(t);
			runner.feed(distillationScale, t);
		}
	}

	private void feedSlot(Session.Runner runner, Operand<TInt32> placeholder, int value, List<Tensor> fed) {
		if (placeholder == null) {
			return;
		}
		if (value < 0 || value >= config.normSlots()) {
			throw new IllegalArgumentException("normalisation slot " + value + " does not exist; the network has "
				+ config.normSlots());
		}
		TInt32 t = TInt32.scalarOf(value);
		fed.add(t);
		runner.feed(placeholder, t);
	}

	/** Steps taken so far. */
	public long stepCount() {
		try (Result r = session.runner().fetch(minimization.step()).run()) {
			return ((TInt64) r.get(0)).getLong();
		}
	}

	/** A copy of the trained network's parameters. */
	public Weights weights() {
		return student.read(session);
	}

	/** A copy of the teacher's parameters (to show that they do not change). */
	public Weights teacherWeights() {
		return teacherStore("this trainer has no teacher").read(session);
	}

	/**
	 * Writes a model bundle of the current weights. The card must describe this network
	 * without deep supervision (the extra heads are not exported).
	 */
	public void exportBundle(Path dir, ModelCard card) throws IOException {
		UNetConfig exported = config.withDeepSupervision(false);
		if (!card.architecture().equals(exported)) {
			throw new IllegalArgumentException("the card describes " + card.architecture().describe()
				+ " but this trainer has " + exported.describe());
		}
		ModelBundle.save(dir, card, weights());
	}

	/** The session, for checkpoints ({@link Checkpoint}). */
	public Session session() {
		return session;
	}

	Graph graph() {
		return graph;
	}

	Operand<TFloat32> totalLoss() {
		return total;
	}

	VariableStore studentStore() {
		return student;
	}

	VariableStore teacherStore() {
		return teacher;
	}

	private VariableStore teacherStore(String missing) {
		if (teacher == null) {
			throw new IllegalStateException(missing);
		}
		return teacher;
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
