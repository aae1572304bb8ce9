/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.modalitykd.io.AtomicDirectory;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.types.TFloat32;

/**
 * A trained model on disk and in memory: a folder holding a TensorFlow SavedModel
 * (tag {@code serve}, signature {@code serving_default}: float32 {@code image}
 * {@code [N, z, y, x, channels]} -> {@code probabilities} {@code [N, z, y, x,
 * classes]}, plus the int32 input {@code norm_slot} for a per-modality model) and
 * {@code model-card.json} ({@link ModelCardJson}). Any SavedModel loader can run it;
 * the card says how to prepare the input.
 * <p>
 * A loaded bundle owns a session: close it. Its session may be used from several
 * threads (TF sessions are thread-safe), the rest of this object is immutable.
 */
public final class ModelBundle implements AutoCloseable {

	static {
		// Saving a bundle can be a process's first use of TensorFlow.
		OneDnn.beforeTensorFlowLoads();
	}

	public static final String CARD_FILE = "model-card.json";
	/** Largest relative difference between the card's and a case's voxel size still accepted. */
	public static final double SPACING_TOLERANCE = 0.05;

	private final Path dir;
	private final ModelCard card;
	private final Graph graph;
	private final Session session;
	private final ServingSignature signature;
	private final Weights weights;
	private PlanarAdapter adapter;

	private ModelBundle(Path dir, ModelCard card, Graph graph, Session session, ServingSignature signature,
		Weights weights) {
		this.dir = dir;
		this.card = card;
		this.graph = graph;
		this.session = session;
		this.signature = signature;
		this.weights = weights;
	}

	/**
	 * Writes a bundle: builds the inference graph of {@code card.architecture()} (without
	 * deep-supervision heads), loads {@code weights} into it, exports the SavedModel and
	 * the card into a temporary folder and renames it to {@code dir} (replacing an older
	 * bundle there only when everything was written).
	 */
	public static void save(Path dir, ModelCard card, Weights weights) throws IOException {
		UNetConfig config = card.architecture();
		try (Graph g = new Graph(); Session s = new Session(g, SessionOptions.cpu().toConfigProto());
			AtomicDirectory out = AtomicDirectory.create(dir)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> image = tf.withName(ModelCardJson.INPUT).placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(-1, -1, -1, -1, config.inputChannels())));
			VariableStore store = new VariableStore(tf, "", config.seed());
			UNet<TFloat32> net = UNet.build(tf, config, store, TFloat32.class, image, NetMode.INFERENCE);
			store.assign(s, weights);
			Signature.Builder sig = Signature.builder().key(ModelCardJson.SIGNATURE_KEY)
				.input(ModelCardJson.INPUT, image).output(ModelCardJson.OUTPUT, net.probabilities());
			if (net.normSlot() != null) {
				sig.input(ModelCardJson.NORM_SLOT, net.normSlot());
			}
			// The exporter writes into an existing folder; AtomicDirectory made it.
			SavedModelBundle.exporter(out.path().toString()).withSession(s).withSignature(sig.build()).export();
			Files.writeString(out.path().resolve(CARD_FILE), ModelCardJson.write(card), StandardCharsets.UTF_8);
			out.commit();
		}
	}

	/** Reads only the card (no TensorFlow). */
	public static ModelCard readCard(Path dir) throws IOException {
		Path file = dir.resolve(CARD_FILE);
		if (!Files.isRegularFile(file)) {
			if (!Files.isDirectory(dir)) {
				throw new NoSuchFileException(dir.toString(), null, "no such model bundle folder");
			}
			throw new NoSuchFileException(file.toString(), null, "not a ModalityKD model bundle (no " + CARD_FILE + ")");
		}
		try {
			return ModelCardJson.read(Files.readString(file, StandardCharsets.UTF_8));
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Loads the card and the SavedModel, checks that they agree (input channels,
	 * classes), and starts a session on the chosen device.
	 * <p>
	 * The bundle's graph is scanned first ({@link GraphSafety}); then only the subgraph
	 * the serving signature runs is imported, with its variables replaced by constants
	 * holding the weights, which a restore op the loader builds reads from the bundle's
	 * own {@code variables/}. The bundle's
	 * saver, restore and init ops never run, so no bundle can write, move or delete files.
	 *
	 * @throws IOException                when the folder is not a readable bundle
	 * @throws ModelMismatchException     when the card and the network disagree, or the
	 *                                    graph holds anything a ModalityKD network does not
	 * @throws DeviceUnavailableException when a GPU is asked for and none is usable
	 */
	public static ModelBundle load(Path dir, SessionOptions options) throws IOException {
		ModelCard card = readCard(dir);
		if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
			throw new NoSuchFileException(dir.resolve("saved_model.pb").toString(), null,
				"the bundle has a card but no SavedModel");
		}
		SavedModelFile file = SavedModelFile.read(dir);
		// Nothing from the bundle runs before it is known to be harmless.
		GraphSafety.check(file);
		checkSignature(dir, card, file.signature());
		ServingGraph serving = ServingGraph.of(file);
		// A network without weights (a fixed test graph) has no checkpoint to read.
		Path checkpoint = serving.variables().isEmpty() ? null : CheckpointRestore.prefix(dir);
		org.tensorflow.proto.ConfigProto config = options.toConfigProto();
		Graph graph = new Graph();
		Session session = null;
		try {
			Weights weights = CheckpointRestore.read(checkpoint, serving.variables());
			graph.importGraphDef(serving.frozen(weights));
			session = new Session(graph, config);
			return new ModelBundle(dir, card, graph, session, file.signature(), weights);
		} catch (RuntimeException e) {
			if (session != null) {
				session.close();
			}
			graph.close();
			throw new IOException(dir + ": the SavedModel cannot be loaded (" + firstLine(e.getMessage()) + ")", e);
		}
	}

	private static void checkSignature(Path dir, ModelCard card, ServingSignature sig) {
		TensorInfo in = sig.inputs().get(ModelCardJson.INPUT);
		TensorInfo out = sig.outputs().get(ModelCardJson.OUTPUT);
		if (in == null || out == null) {
			throw new ModelMismatchException(dir + ": the signature needs the input '" + ModelCardJson.INPUT
				+ "' and the output '" + ModelCardJson.OUTPUT + "'; it has " + sig.inputs().keySet() + " -> "
				+ sig.outputs().keySet());
		}
		long channels = ServingSignature.lastAxisOfRank5(in);
		if (channels != card.architecture().inputChannels()) {
			throw new ModelMismatchException(dir + ": the network reads " + channels + " channels but the card says "
				+ card.architecture().inputChannels() + " (" + card.modalities() + ")");
		}
		long classes = ServingSignature.lastAxisOfRank5(out);
		if (classes != -1 && classes != card.architecture().classes()) {
			throw new ModelMismatchException(dir + ": the network outputs " + classes + " classes but the card's label map has "
				+ card.architecture().classes());
		}
		if (card.hasNormSlots() && !sig.inputs().containsKey(ModelCardJson.NORM_SLOT)) {
			throw new ModelMismatchException(dir + ": the card describes a per-modality model but the signature has no '"
				+ ModelCardJson.NORM_SLOT + "' input");
		}
	}

	public Path directory() {
		return dir;
	}

	public ModelCard card() {
		return card;
	}

	/** The session running the network (its weights are constants of the graph); owned by this bundle. */
	public Session session() {
		return session;
	}

	public Graph graph() {
		return graph;
	}

	/** Name of the graph tensor fed with the image. */
	public String inputName() {
		return tensorName(true, ModelCardJson.INPUT);
	}

	/** Name of the graph tensor holding the probabilities. */
	public String outputName() {
		return tensorName(false, ModelCardJson.OUTPUT);
	}

	/** Name of the per-modality slot input, or null for a shared-normalisation model. */
	public String normSlotName() {
		return card.hasNormSlots() ? tensorName(true, ModelCardJson.NORM_SLOT) : null;
	}

	private String tensorName(boolean input, String key) {
		return input ? signature.inputTensor(key) : signature.outputTensor(key);
	}

	/**
	 * Checks that a case fits this model before any computation: the modalities (channel
	 * names, in order) are the card's, and the voxel size matches the training spacing
	 * within {@link #SPACING_TOLERANCE} (relative) on every axis.
	 *
	 * @param channelNames  the case's channels, in order
	 * @param spacing       the case's voxel size {x, y, z} in mm
	 * @param ignoreSpacing skip the spacing check (the user accepts the risk)
	 * @throws ModelMismatchException with a one-line reason
	 */
	public void checkCase(List<String> channelNames, double[] spacing, boolean ignoreSpacing) {
		List<String> wanted = card.perModality() ? channelNames : card.modalities();
		if (card.perModality()) {
			if (channelNames.size() != 1 || !card.modalities().contains(channelNames.get(0))) {
				throw new ModelMismatchException("this " + card.role().key() + " model segments one of "
					+ card.modalities() + " at a time; the case gives " + channelNames);
			}
		} else if (!channelNames.equals(wanted)) {
			List<String> missing = new ArrayList<>(wanted);
			missing.removeAll(channelNames);
			throw new ModelMismatchException(missing.isEmpty()
				? "the model needs the channels " + wanted + " in this order; the case gives " + channelNames
				: "the model needs " + String.join(", ", missing) + " (it reads " + wanted + "); the case has "
					+ channelNames);
		}
		if (!ignoreSpacing && !hasTrainingSpacing(spacing)) {
			throw new ModelMismatchException("the model was trained at " + mm(card.spacing()) + " mm voxels but the case has "
				+ mm(spacing) + " mm; resample the case to the model's spacing first (Segmenter does) "
				+ "or ignore the spacing check at your own risk");
		}
	}

	/**
	 * Checks that a case's normalised channels look like the ones the model was trained
	 * on in the same order ({@link ChannelSignature}): a case whose file named t2 looks
	 * like the model's FLAIR and the other way round is refused. Does nothing for a card
	 * without a signature (older bundles, per-modality models).
	 *
	 * @param normalised the channels in the card's order, normalised as the card says
	 * @throws ModelMismatchException naming the channels that look swapped
	 */
	public void checkChannelOrder(float[][] normalised) {
		ChannelSignature trained = card.channelSignature();
		if (trained == null || card.perModality() || normalised.length != trained.channels()) {
			return;
		}
		ChannelSignature seen = ChannelSignature.of(normalised);
		int[] order = seen == null ? null : seen.clearlyBetterOrder(trained);
		if (order == null) {
			return;
		}
		List<String> swaps = new ArrayList<>();
		for (int c = 0; c < order.length; c++) {
			if (order[c] != c) {
				swaps.add("the " + card.modalities().get(c) + " image looks like " + card.modalities().get(order[c]));
			}
		}
		throw new ModelMismatchException("the case's channels look swapped to this model (" + String.join(", ", swaps)
			+ "); check which file is which modality, or ignore the channel-order check if you are sure");
	}

	/**
	 * For a model that reads one modality at a time: checks that the case's image looks like
	 * the training images of the slot its modality names ({@link ChannelSignature#clearlyBetterSlot}):
	 * a FLAIR file named t2 on a T2/FLAIR model is refused. Does nothing for a card without
	 * a signature (bundles made before per-slot signatures).
	 *
	 * @param modality   the modality the case says it is (one of the card's)
	 * @param normalised its one image, normalised as the card says
	 * @throws ModelMismatchException naming the slot it looks like
	 */
	public void checkModality(String modality, float[] normalised) {
		ChannelSignature trained = card.channelSignature();
		int claimed = card.modalities().indexOf(modality);
		if (trained == null || !card.perModality() || claimed < 0) {
			return;
		}
		ChannelSignature seen = ChannelSignature.of(new float[][] { normalised });
		int other = seen == null ? -1 : seen.clearlyBetterSlot(trained, claimed);
		if (other >= 0) {
			throw new ModelMismatchException("the " + modality + " image looks like this model's "
				+ card.modalities().get(other) + " training images, not its " + modality + " ones; check which modality the "
				+ "file is, or ignore the channel-order check if you are sure");
		}
	}

	/** True when a voxel size is within 5 % of the one the model was trained at, on every axis. */
	public boolean hasTrainingSpacing(double[] spacing) {
		double[] trained = card.spacing();
		for (int d = 0; d < 3; d++) {
			if (Math.abs(spacing[d] - trained[d]) > SPACING_TOLERANCE * trained[d]) {
				return false;
			}
		}
		return true;
	}

	private static String mm(double[] v) {
		return java.util.Arrays.stream(v)
			.mapToObj(x -> new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString())
			.collect(java.util.stream.Collectors.joining("x"));
	}

	/** The planar in/out ops for this model's graph, added on first use (once per bundle). */
	public synchronized PlanarAdapter planarAdapter() {
		if (adapter == null) {
			adapter = new PlanarAdapter(graph(), outputName(), card.architecture().inputChannels());
		}
		return adapter;
	}

	/** The normalisation slot of a modality (0 for a shared-normalisation model). */
	public int normSlotOf(String modality) {
		if (!card.perModality()) {
			return 0;
		}
		int i = card.modalities().indexOf(modality);
		if (i < 0) {
			throw new ModelMismatchException("this model knows the modalities " + card.modalities() + ", not " + modality);
		}
		return card.hasNormSlots() ? i : 0;
	}

	/**
	 * The network's weights by name (every float32 variable of the SavedModel), e.g. to
	 * put a trained teacher into a distillation graph.
	 */
	public Weights weights() {
		return weights;
	}

	/** SHA-256 of every file of the bundle (paths and contents, in sorted order): its identity in provenance. */
	public static String checksum(Path dir) throws IOException {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			List<Path> files;
			try (Stream<Path> walk = Files.walk(dir)) {
				files = walk.filter(Files::isRegularFile).sorted().toList();
			}
			byte[] buffer = new byte[1 << 16];
			for (Path f : files) {
				md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
				md.update((byte) 0);
				try (InputStream in = Files.newInputStream(f)) {
					for (int n; (n = in.read(buffer)) > 0;) {
						md.update(buffer, 0, n);
					}
				}
			}
			return HexFormat.of().formatHex(md.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JVM lacks SHA-256", e);
		}
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}

	private static String firstLine(String s) {
		return s == null ? "" : s.strip().lines().findFirst().orElse("");
	}
}
