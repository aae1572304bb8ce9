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
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.NetMode;
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
import org.tensorflow.types.TUint8;

/**
 * One training graph for every method of METHODS.md: the student (the only network the
 * optimiser updates), and for KD-Net / ProtoKD a frozen teacher whose forward pass runs
 * in the same graph, or for unpaired training the one shared network applied to two
 * batches with their own normalisation slots. Built once; {@link #step} runs one AdamW
 * step and returns every loss term. Owns native resources: close it. Not thread-safe.
 * <p>
 * Inputs: {@code images} float32 {@code [N, C, z, y, x]} ({@link PatchBatch} layout)
 * holding the teacher's channels when there is a teacher (the student reads
 * {@code studentChannels} of them) and the network's channels otherwise; {@code labels}
 * uint8 {@code [N, z, y, x]}; for unpaired training also {@code images_b} /
 * {@code labels_b}, the second modality's batch (slot 1; the first uses slot 0).
 * <p>
 * Variables: student {@code net/...}, teacher {@code teacher/...}, Adam moments
 * {@code adam/...}, step {@code adamw/step}; a {@link Checkpoint} holds all of them.
 * The teacher is frozen three ways: its variables are not in the optimiser's list, its
 * outputs pass through StopGradient, and it runs in inference mode (batch norm on its
 * running averages, which nothing updates).
 */
public final class DistillationTrainer implements AutoCloseable {

	private final UNetConfig config;
	private final UNetConfig teacherConfig;
	private final Objective objective;
	private final Graph graph;
	private final Session session;
	private final VariableStore student;
	private final VariableStore teacher;
	private final Placeholder<TFloat32> images;
	private final Placeholder<TUint8> labels;
	private final Placeholder<TFloat32> imagesB;
	private final Placeholder<TUint8> labelsB;
	private final Operand<TInt32> slotB;
	private final Placeholder<TFloat32> learningRate;
	private final Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
	private final Operand<TFloat32> total;
	private final AdamW.Minimization minimization;
	private final int batchChannels;

	private DistillationTrainer(UNetConfig config, UNetConfig teacherConfig, int[] studentChannels, Objective objective,
		SessionOptions options) {
		Conv3dGradients.ensureRegistered();
		TrainingMethod method = objective.method();
		if (config.deepSupervision()) {
			throw new IllegalArgumentException("distillation training uses the full-resolution output only; "
				+ "build the network without deep supervision");
		}
		if (method.needsTeacher() != (teacherConfig != null)) {
			throw new IllegalArgumentException(method.key() + (method.needsTeacher() ? " needs a teacher" : " takes no teacher"));
		}
		if (method == TrainingMethod.UNPAIRED && (config.normSlots() != 2 || config.inputChannels() != 1)) {
			throw new IllegalArgumentException("unpaired training needs a one-channel network with 2 normalisation slots, not "
				+ config.describe());
		}
		if (teacherConfig != null) {
			if (teacherConfig.classes() != config.classes()) {
				throw new IllegalArgumentException("the teacher has " + teacherConfig.classes() + " classes, the student "
					+ config.classes());
			}
			if (studentChannels.length != config.inputChannels()
				|| Arrays.stream(studentChannels).anyMatch(c -> c < 0 || c >= teacherConfig.inputChannels())) {
				throw new IllegalArgumentException("the student's channels " + Arrays.toString(studentChannels)
					+ " must be " + config.inputChannels() + " of the teacher's " + teacherConfig.inputChannels());
			}
		}
		this.config = config;
		this.teacherConfig = teacherConfig;
		this.objective = objective;
		this.batchChannels = teacherConfig != null ? teacherConfig.inputChannels() : config.inputChannels();
		graph = new Graph();
		try {
			Ops tf = Ops.create(graph);
			int classes = config.classes();
			images = tf.withName("images").placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(-1, batchChannels, -1, -1, -1)));
			labels = tf.withName("labels").placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, -1, -1)));
			learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			Operand<TFloat32> x = ndhwc(tf, images);
			Operand<TFloat32> y = oneHot(tf, labels, classes);
			student = new VariableStore(tf, "net", config.seed());
			Operand<TFloat32> studentX = teacherConfig == null ? x
				: tf.gather(x, tf.constant(studentChannels), tf.constant(4));
			UNet<TFloat32> net = UNet.build(tf.withSubScope("train"), config, student, TFloat32.class, studentX,
				NetMode.TRAINING);
			List<Op> updates = new ArrayList<>(net.updateOps());
			Ops l = tf.withSubScope("loss");
			List<Operand<TFloat32>> parts = new ArrayList<>();
			segmentation(l, net.logits(), y, "", parts);

			UNet<TFloat32> teacherNet = null;
			if (teacherConfig != null) {
				teacher = new VariableStore(tf, "teacher", teacherConfig.seed());
				teacherNet = UNet.build(tf.withSubScope("teacher_forward"), teacherConfig, teacher, TFloat32.class, x,
					NetMode.INFERENCE);
			} else {
				teacher = null;
			}
			if (method == TrainingMethod.UNPAIRED) {
				imagesB = tf.withName("images_b").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1, -1, -1, -1)));
				labelsB = tf.withName("labels_b").placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, -1, -1)));
				Operand<TFloat32> yB = oneHot(tf, labelsB, classes);
				UNet<TFloat32> netB = UNet.build(tf.withSubScope("train_b"), config, student, TFloat32.class,
					ndhwc(tf, imagesB), NetMode.TRAINING);
				slotB = netB.normSlot();
				updates.addAll(netB.updateOps());
				segmentation(l, netB.logits(), yB, "_b", parts);
				add(l, "class_kd", objective.distillationWeight(),
					ClassWiseDistillation.loss(l, net.logits(), y, netB.logits(), yB, classes, objective.temperature()), parts);
			} else {
				imagesB = null;
				labelsB = null;
				slotB = null;
			}
			if (method == TrainingMethod.KD_NET) {
				add(l, "kd", objective.distillationWeight(),
					HintonDistillation.loss(l, teacherNet.logits(), net.logits(), objective.temperature()), parts);
				add(l, "feature_l2", objective.featureWeight(),
					FeatureDistance.meanSquared(l, teacherNet.bottleneck(), net.bottleneck()), parts);
			} else if (method == TrainingMethod.PROTOKD) {
				add(l, "pixel_kd", objective.distillationWeight(),
					PixelDistillation.loss(l, teacherNet.logits(), net.logits(), objective.temperature(), classes), parts);
				add(l, "proto_kd", objective.prototypeWeight(),
					PrototypeDistillation.loss(l, teacherNet.decoderFeatures(), net.decoderFeatures(), y, classes), parts);
			}
			total = l.withName("total").math.addN(parts);
			minimization = AdamW.minimize(tf, total, student.trainableEntries(), learningRate, objective.optimizer(),
				new VariableStore(tf, "adam", config.seed()), updates);
			Map<String, Operand<TFloat32>> ordered = new LinkedHashMap<>();
			ordered.put("loss", total);
			ordered.putAll(terms);
			ordered.put("gradient_norm", minimization.gradientNorm());
			terms.clear();
			terms.putAll(ordered);
			session = new Session(graph, options.toConfigProto());
		} catch (RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	/**
	 * Builds the graph and session.
	 *
	 * @param config          the trained network
	 * @param teacherConfig   the frozen teacher's network (KD-Net, ProtoKD), else null
	 * @param studentChannels which of the teacher's channels the student reads (KD only)
	 */
	public static DistillationTrainer create(UNetConfig config, UNetConfig teacherConfig, int[] studentChannels,
		Objective objective, SessionOptions options) {
		return new DistillationTrainer(config, teacherConfig, studentChannels, objective, options);
	}

	private static Operand<TFloat32> ndhwc(Ops tf, Operand<TFloat32> planar) {
		return tf.linalg.transpose(planar, tf.constant(new int[] { 0, 2, 3, 4, 1 }));
	}

	private static Operand<TFloat32> oneHot(Ops tf, Operand<TUint8> labels, int classes) {
		return tf.oneHot(tf.dtypes.cast(labels, TInt32.class), tf.constant(classes), tf.constant(1f), tf.constant(0f));
	}

	private void segmentation(Ops l, Operand<TFloat32> logits, Operand<TFloat32> y, String suffix,
		List<Operand<TFloat32>> parts) {
		add(l, "dice" + suffix, objective.diceWeight(), SegmentationLoss.softDice(l, l.nn.softmax(logits), y, false), parts);
		add(l, "cross_entropy" + suffix, objective.crossEntropyWeight(),
			SegmentationLoss.crossEntropy(l, logits, y, config.classes()), parts);
	}

	private void add(Ops l, String name, double weight, Operand<TFloat32> term, List<Operand<TFloat32>> parts) {
		terms.put(name, term);
		parts.add(l.math.mul(l.constant((float) weight), term));
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
		if (teacher == null) {
			throw new IllegalStateException("this trainer has no teacher");
		}
		teacher.assign(session, weights);
	}

	/**
	 * One AdamW step; returns every loss term as computed before the update, plus
	 * {@code learning_rate}.
	 *
	 * @param b the second modality's batch (unpaired training), else null
	 */
	public StepResult step(PatchBatch a, PatchBatch b, double lr) {
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = feed(a, b, fed);
			return OptimizerStep.run(runner, fed, learningRate, minimization, terms, lr);
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
		if ((b != null) != (imagesB != null)) {
			throw new IllegalArgumentException(imagesB != null ? "unpaired training needs a batch of each modality"
				: "only unpaired training takes a second batch");
		}
		Session.Runner runner = session.runner();
		feedBatch(runner, a, images, labels, batchChannels, fed);
		if (b != null) {
			feedBatch(runner, b, imagesB, labelsB, 1, fed);
			TInt32 one = TInt32.scalarOf(1);
			fed.add(one);
			runner.feed(slotB, one);
		}
		return runner;
	}

	private void feedBatch(Session.Runner runner, PatchBatch batch, Placeholder<TFloat32> x, Placeholder<TUint8> y,
		int channels, List<Tensor> fed) {
		if (batch.labels() == null) {
			throw new IllegalArgumentException("training needs labels");
		}
		if (batch.channels() != channels) {
			throw new IllegalArgumentException("the training graph reads " + channels + " channels; the batch has "
				+ batch.channels());
		}
		int m = config.sizeMultiple();
		for (int s : batch.size()) {
			if (s % m != 0) {
				throw new IllegalArgumentException("patch size " + Arrays.toString(batch.size()) + " is not a multiple of "
					+ m + " (2^(levels-1)) on every axis");
			}
		}
		TFloat32 images0 = Tensors.floats(batch.imageShape(), batch.images());
		fed.add(images0);
		runner.feed(x, images0);
		TUint8 labels0 = Tensors.bytes(batch.labelShape(), batch.labels());
		fed.add(labels0);
		runner.feed(y, labels0);
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
		if (teacher == null) {
			throw new IllegalStateException("this trainer has no teacher");
		}
		return teacher.read(session);
	}

	/** Writes a model bundle of the current weights; the card must describe this network. */
	public void exportBundle(Path dir, ModelCard card) throws IOException {
		if (!card.architecture().equals(config)) {
			throw new IllegalArgumentException("the card describes " + card.architecture().describe()
				+ " but this trainer has " + config.describe());
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

	UNetConfig teacherConfig() {
		return teacherConfig;
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
