package org.modalitykd.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * Model bundles are untrusted input: a SavedModel is a program, and TensorFlow has ops
 * that read and write files, list folders or call back into Python. Before a bundle is
 * loaded into a session, every op type of its graphs (and of their function libraries)
 * must be one the project's own networks use; anything else is refused with one line.
 * <p>
 * The save/restore ops stay allowed: the loader itself uses them to read the bundle's
 * own {@code variables/} checkpoint.
 */
public final class GraphSafety {

	/** Every op type a ModalityKD inference bundle contains (any architecture option). */
	static final Set<String> ALLOWED = Set.of(
		// graph plumbing and constants
		"Placeholder", "PlaceholderWithDefault", "Const", "Identity", "IdentityN", "NoOp", "StopGradient", "VarHandleOp",
		"ReadVariableOp", "AssignVariableOp", "VarIsInitializedOp", "VariableV2", "Assign",
		// checkpoint restore, as the SavedModel loader runs it on the bundle's own variables
		"SaveV2", "RestoreV2", "MergeV2Checkpoints", "ShardedFilename", "StringJoin", "StaticRegexFullMatch", "Select",
		"Pack",
		// shapes
		"Shape", "Reshape", "ExpandDims", "Squeeze", "Transpose", "ConcatV2", "Concat", "Slice", "StridedSlice",
		"Tile", "Fill", "ZerosLike", "OnesLike", "Range", "Cast", "ReverseV2", "GatherV2", "OneHot", "Size", "Rank",
		"BroadcastTo", "EnsureShape", "Unpack", "Split", "SplitV",
		// arithmetic and reductions
		"Add", "AddV2", "AddN", "Sub", "Mul", "Div", "RealDiv", "Maximum", "Minimum", "Neg", "Square", "SquaredDifference",
		"Sqrt", "Rsqrt", "Exp", "Log", "Pow", "Mean", "Sum", "Max", "Min", "Prod", "ArgMax", "Softmax", "LogSoftmax",
		"MatMul", "Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "LogicalAnd", "LogicalNot", "SelectV2",
		"LeakyRelu", "Relu", "Sigmoid", "Tanh",
		// weight initialisers (run once when the graph is built, overwritten by the restore)
		"StatelessRandomNormal", "StatelessRandomNormalV2", "StatelessTruncatedNormal", "StatelessTruncatedNormalV2",
		"StatelessRandomUniform", "StatelessRandomUniformV2", "RandomStandardNormal", "TruncatedNormal", "RandomUniform",
		// convolution and pooling
		"Conv3D", "Conv3DBackpropInputV2", "MaxPool3D", "AvgPool3D", "BiasAdd");

	/** Op types worth naming in the message: they touch files or run foreign code. */
	private static final Set<String> DANGEROUS = Set.of("ReadFile", "WriteFile", "MatchingFiles", "PyFunc",
		"EagerPyFunc", "PyFuncStateless", "ImmutableConst", "LoadAndRemapMatrix", "DecodeCSV", "TFRecordReader",
		"FixedLengthRecordReader", "WholeFileReader", "TextLineReader", "Save", "Restore", "RestoreSlice");

	private GraphSafety() {
	}

	/**
	 * Checks {@code saved_model.pb} of a bundle.
	 *
	 * @throws ModelMismatchException naming the first op types that are not allowed
	 */
	public static void check(Path bundleDir) throws IOException {
		Path pb = bundleDir.resolve("saved_model.pb");
		SavedModel model;
		try (InputStream in = Files.newInputStream(pb)) {
			model = SavedModel.parseFrom(in);
		} catch (com.google.protobuf.InvalidProtocolBufferException e) {
			throw new ModelMismatchException(bundleDir + ": saved_model.pb is not a TensorFlow SavedModel (" + e.getMessage() + ")");
		}
		Set<String> refused = new TreeSet<>();
		for (String op : opTypes(model)) {
			if (!ALLOWED.contains(op)) {
				refused.add(op);
			}
		}
		if (!refused.isEmpty()) {
			boolean dangerous = refused.stream().anyMatch(DANGEROUS::contains);
			throw new ModelMismatchException(bundleDir + ": the model contains operations ModalityKD does not run ("
				+ String.join(", ", refused) + ")" + (dangerous ? ", which can read or write files or run code" : "")
				+ "; only load bundles made by ModalityKD");
		}
	}

	/** All op types in every graph and function of a SavedModel. */
	static Set<String> opTypes(SavedModel model) {
		Set<String> ops = new TreeSet<>();
		for (MetaGraphDef meta : model.getMetaGraphsList()) {
			for (NodeDef node : meta.getGraphDef().getNodeList()) {
				ops.add(node.getOp());
			}
			for (FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList()) {
				for (NodeDef node : f.getNodeDefList()) {
					ops.add(node.getOp());
				}
			}
		}
		return ops;
	}
}
