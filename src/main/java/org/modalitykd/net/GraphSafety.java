/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * Model bundles are untrusted input: a SavedModel is a program, and TensorFlow has ops
 * that read and write files, list folders or call back into Python. Before anything of
 * a bundle runs, its {@code saved_model.pb} is scanned as data and refused with one line
 * unless:
 * <ul>
 * <li>every op type of every graph is one the project's own networks use, and no graph
 * has a function library (a node can call a library function by name, so functions are
 * code the scan would otherwise have to follow);</li>
 * <li>no node depends, through a data or a control edge, on an op that writes files
 * ({@code SaveV2}, {@code MergeV2Checkpoints}) except the saver's own save tensor: so a
 * writer wired into the restore or init targets or into the signature is refused, and
 * an unwired one could never run;</li>
 * <li>the subgraph that the serving signature runs holds no checkpoint or assignment op.</li>
 * </ul>
 * The loader ({@link ModelBundle#load}) then runs only that subgraph and restores the
 * variables with a restore op of its own whose file names it supplies
 * ({@link CheckpointRestore}), never the bundle's restore or init ops: the checks above
 * refuse crafted bundles early and with a reason, the loader makes sure nothing else
 * could run even if they missed a route.
 */
public final class GraphSafety {

	/** Every op type a ModalityKD bundle contains (any architecture option). */
	static final Set<String> ALLOWED = Set.of(
		// graph plumbing and constants
		"Placeholder", "PlaceholderWithDefault", "Const", "Identity", "IdentityN", "NoOp", "StopGradient", "VarHandleOp",
		"ReadVariableOp", "AssignVariableOp", "VarIsInitializedOp", "VariableV2", "Assign",
		// the exporter's saver (never run by the loader; see the class comment)
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
		// weight initialisers (run once when the graph is built; the loader never runs them)
		"StatelessRandomNormal", "StatelessRandomNormalV2", "StatelessTruncatedNormal", "StatelessTruncatedNormalV2",
		"StatelessRandomUniform", "StatelessRandomUniformV2", "RandomStandardNormal", "TruncatedNormal", "RandomUniform",
		// convolution and pooling
		"Conv3D", "Conv3DBackpropInputV2", "MaxPool3D", "AvgPool3D", "BiasAdd");

	/** Allowed ops that write files: only the saver's save tensor may depend on them. */
	static final Set<String> WRITERS = Set.of("SaveV2", "MergeV2Checkpoints");

	/** Allowed ops that have no place in the computation of the signature's outputs. */
	static final Set<String> NOT_SERVING = Set.of("SaveV2", "RestoreV2", "MergeV2Checkpoints", "ShardedFilename",
		"StringJoin", "StaticRegexFullMatch", "Assign", "AssignVariableOp", "VarIsInitializedOp");

	/** Op types worth naming in the message: they touch files or run foreign code. */
	private static final Set<String> DANGEROUS = Set.of("ReadFile", "WriteFile", "MatchingFiles", "PyFunc",
		"EagerPyFunc", "PyFuncStateless", "ImmutableConst", "LoadAndRemapMatrix", "DecodeCSV", "TFRecordReader",
		"FixedLengthRecordReader", "WholeFileReader", "TextLineReader", "Save", "Restore", "RestoreSlice", "SaveSlices",
		"DeleteFile", "PartitionedCall", "StatefulPartitionedCall");

	private GraphSafety() {
	}

	/**
	 * Checks {@code saved_model.pb} of a bundle.
	 *
	 * @throws ModelMismatchException naming what is not allowed
	 */
	public static void check(Path bundleDir) throws IOException {
		check(SavedModelFile.read(bundleDir));
	}

	static void check(SavedModelFile file) {
		Path bundleDir = file.bundleDir();
		Set<String> refused = new TreeSet<>();
		for (String op : opTypes(file.model())) {
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
		for (MetaGraphDef meta : file.model().getMetaGraphsList()) {
			if (meta.getGraphDef().getLibrary().getFunctionCount() > 0) {
				throw new ModelMismatchException(bundleDir + ": the model contains graph functions ("
					+ meta.getGraphDef().getLibrary().getFunctionList().stream().map(f -> f.getSignature().getName())
						.limit(3).collect(Collectors.joining(", "))
					+ "), which ModalityKD bundles never have; only load bundles made by ModalityKD");
			}
			checkWriters(bundleDir, meta);
		}
		checkServingSubgraph(file);
	}

	private static void checkWriters(Path bundleDir, MetaGraphDef meta) {
		NodeGraph graph = new NodeGraph(meta.getGraphDef());
		String saveTensor = NodeGraph.nodeName(meta.getSaverDef().getSaveTensorName());
		for (NodeDef node : meta.getGraphDef().getNodeList()) {
			if (!WRITERS.contains(node.getOp())) {
				continue;
			}
			Set<String> dependants = graph.descendants(node.getName());
			dependants.remove(saveTensor);
			if (!dependants.isEmpty()) {
				throw new ModelMismatchException(bundleDir + ": the model wires the file-writing operation " + node.getOp()
					+ " ('" + node.getName() + "') into '" + dependants.iterator().next()
					+ "', so loading or running it would write files; refused: only load bundles made by ModalityKD");
			}
		}
	}

	private static void checkServingSubgraph(SavedModelFile file) {
		NodeGraph graph = new NodeGraph(file.serving().getGraphDef());
		for (String name : graph.ancestors(ServingGraph.roots(file.signature()))) {
			NodeDef node = graph.node(name);
			if (node == null) {
				throw new ModelMismatchException(file.bundleDir() + ": the serving signature needs the node '" + name
					+ "', which the graph lacks; the bundle is damaged");
			}
			if (NOT_SERVING.contains(node.getOp())) {
				throw new ModelMismatchException(file.bundleDir() + ": computing the model's output would run " + node.getOp()
					+ " ('" + name + "'), which reads, writes or changes state; only load bundles made by ModalityKD");
			}
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
