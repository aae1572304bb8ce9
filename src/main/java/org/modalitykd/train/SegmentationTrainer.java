package org.modalitykd.train;

import org.modalitykd.data.PatchBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.net.Conv3dGradients;
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
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/**
 * Supervised training of one U-Net with Dice + cross-entropy (and deep supervision
 * when the network has it) and AdamW: a graph and session built once, then one
 * {@link #step} per batch. Owns native resources: close it. Not thread-safe.
 * <p>
 * Graph inputs: {@code images} float32 {@code [N, C, z, y, x]} (the {@link PatchBatch}
 * layout, transposed to NDHWC in the graph), {@code labels} uint8 {@code [N, z, y, x]},
 * {@code learning_rate} scalar. Network variables are named {@code net/...}, Adam's
 * moments {@code adam/m/...} and {@code adam/v/...}, the step counter
 * {@code adamw/step}; checkpoints hold all of them.
 */
public final class SegmentationTrainer implements AutoCloseable {

	private final UNetConfig config;
	private final Graph graph;
	private final Session session;
	private final VariableStore store;
	private final Placeholder<TFloat32> images;
	private final Placeholder<TUint8> labels;
	private final Placeholder<TFloat32> learningRate;
	private final Operand<TInt32> trainSlot;
	private final Operand<TInt32> evalSlot;
	private final Map<String, Operand<TFloat32>> terms;
	private final AdamW.Minimization minimization;
	private final Operand<TFloat32> evalProbabilities;

	private SegmentationTrainer(UNetConfig config, TrainingSettings settings, SessionOptions options) {
		Conv3dGradients.ensureRegistered();
		this.config = config;
		graph = new Graph();
		try {
			Ops tf = Ops.create(graph);
			images = tf.withName("images").placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(-1, config.inputChannels(), -1, -1, -1)));
			labels = tf.withName("labels").placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, -1, -1)));
			learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			Operand<TFloat32> x = tf.linalg.transpose(images, tf.constant(new int[] { 0, 2, 3, 4, 1 }));
			Operand<TFloat32> y = tf.oneHot(tf.dtypes.cast(labels, TInt32.class), tf.constant(config.classes()),
				tf.constant(1f), tf.constant(0f));

			store = new VariableStore(tf, "net", config.seed());
			UNet<TFloat32> net = UNet.build(tf.withSubScope("train"), config, store, TFloat32.class, x, NetMode.TRAINING);
			UNet<TFloat32> eval = UNet.build(tf.withSubScope("eval"), config, store, TFloat32.class, x, NetMode.INFERENCE);
			trainSlot = net.normSlot();
			evalSlot = eval.normSlot();
			evalProbabilities = tf.linalg.transpose(eval.probabilities(), tf.constant(new int[] { 0, 4, 1, 2, 3 }));

			terms = new LinkedHashMap<>();
			Ops l = tf.withSubScope("loss");
			List<Operand<TFloat32>> heads = new ArrayList<>();
			heads.add(net.logits());
			heads.addAll(net.deepSupervisionLogits());
			double[] weights = SegmentationLoss.deepSupervisionWeights(heads.size());
			List<Operand<TFloat32>> weighted = new ArrayList<>();
			for (int i = 0; i < heads.size(); i++) {
				Operand<TFloat32> target = i == 0 ? y : SegmentationLoss.downsampledLabels(l, y, i);
				Operand<TFloat32> dice = SegmentationLoss.softDice(l, l.nn.softmax(heads.get(i)), target,
					settings.diceIncludesBackground());
				Operand<TFloat32> ce = SegmentationLoss.crossEntropy(l, heads.get(i), target, config.classes());
				String suffix = i == 0 ? "" : "_ds" + i;
				terms.put("dice" + suffix, dice);
				terms.put("cross_entropy" + suffix, ce);
				Operand<TFloat32> head = l.math.add(l.math.mul(l.constant((float) settings.diceWeight()), dice),
					l.math.mul(l.constant((float) settings.crossEntropyWeight()), ce));
				weighted.add(l.math.mul(l.constant((float) weights[i]), head));
			}
			Operand<TFloat32> total = l.withName("total").math.addN(weighted);
			terms.put("loss", total);
			minimization = AdamW.minimize(tf, total, store.trainableEntries(), learningRate, settings.optimizer(),
				new VariableStore(tf, "adam", config.seed()), net.updateOps());
			// Reported terms: total first, then the parts.
			Map<String, Operand<TFloat32>> ordered = new LinkedHashMap<>();
			ordered.put("loss", total);
			terms.forEach(ordered::putIfAbsent);
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
	 * @throws org.modalitykd.net.DeviceUnavailableException when a GPU is asked for and
	 *                                                        none is usable
	 */
	public static SegmentationTrainer create(UNetConfig config, TrainingSettings settings, SessionOptions options) {
		return new SegmentationTrainer(config, settings, options);
	}

	public UNetConfig config() {
		return config;
	}

	/** One AdamW step on the batch; returns every loss term as computed before the update. */
	public StepResult step(PatchBatch batch, double lr) {
		requireLabels(batch);
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = feed(batch, fed, trainSlot);
			return OptimizerStep.run(runner, fed, learningRate, minimization, terms, lr);
		} finally {
			fed.forEach(Tensor::close);
		}
	}

	/** The loss terms on a batch without changing anything (batch norm in training mode). */
	public Map<String, Double> losses(PatchBatch batch) {
		requireLabels(batch);
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = feed(batch, fed, trainSlot);
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
	 * Class probabilities of the network in inference mode, laid out like the images:
	 * for each patch, for each class, z slices of y rows of x.
	 */
	public float[] predict(PatchBatch batch) {
		List<Tensor> fed = new ArrayList<>();
		try {
			Session.Runner runner = feed(batch, fed, evalSlot);
			try (Result r = runner.fetch(evalProbabilities).run()) {
				return Tensors.toFloats(r.get(0));
			}
		} finally {
			fed.forEach(Tensor::close);
		}
	}

	/** Steps taken so far. */
	public long stepCount() {
		try (Result r = session.runner().fetch(minimization.step()).run()) {
			return ((org.tensorflow.types.TInt64) r.get(0)).getLong();
		}
	}

	/** A copy of the network's parameters (for export or a teacher). */
	public Weights weights() {
		return store.read(session);
	}

	/**
	 * Writes a model bundle of the current weights. The card's architecture must be this
	 * network's without deep supervision (the heads are not exported).
	 */
	public void exportBundle(java.nio.file.Path dir, org.modalitykd.net.ModelCard card) throws java.io.IOException {
		UNetConfig exported = config.withDeepSupervision(false);
		if (!card.architecture().equals(exported)) {
			throw new IllegalArgumentException("the card describes " + card.architecture().describe()
				+ " but this trainer has " + exported.describe());
		}
		org.modalitykd.net.ModelBundle.save(dir, card, weights());
	}

	/** The session, for checkpoints ({@link Checkpoint}). */
	public Session session() {
		return session;
	}

	private Session.Runner feed(PatchBatch batch, List<Tensor> fed, Operand<TInt32> slot) {
		if (batch.channels() != config.inputChannels()) {
			throw new IllegalArgumentException("the network reads " + config.inputChannels() + " channels; the batch has "
				+ batch.channels());
		}
		int m = config.sizeMultiple();
		for (int s : batch.size()) {
			if (s % m != 0) {
				throw new IllegalArgumentException("patch size " + java.util.Arrays.toString(batch.size())
					+ " is not a multiple of " + m + " (2^(levels-1)) on every axis");
			}
		}
		Session.Runner runner = session.runner();
		TFloat32 x = Tensors.floats(batch.imageShape(), batch.images());
		fed.add(x);
		runner.feed(images, x);
		if (batch.labels() != null) {
			TUint8 y = Tensors.bytes(batch.labelShape(), batch.labels());
			fed.add(y);
			runner.feed(labels, y);
		}
		if (slot != null) {
			if (batch.normSlot() < 0 || batch.normSlot() >= config.normSlots()) {
				throw new IllegalArgumentException("normalisation slot " + batch.normSlot() + " does not exist; the network has "
					+ config.normSlots());
			}
			TInt32 t = TInt32.scalarOf(batch.normSlot());
			fed.add(t);
			runner.feed(slot, t);
		}
		return runner;
	}

	private static void requireLabels(PatchBatch batch) {
		if (batch.labels() == null) {
			throw new IllegalArgumentException("training needs labels");
		}
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
