/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorInfo;

/**
 * The part of a bundle's graph that the serving signature runs: the signature's input
 * and output nodes and everything they depend on, nothing else (no saver, no
 * initialisers). This is all the loader imports into TensorFlow. Device pins are
 * dropped: the session's options place the ops.
 *
 * @param graph     the pruned graph, nodes in their original order
 * @param variables names of its variables, which the loader restores from the bundle's
 *                  checkpoint (the checkpoint key of a variable is its node name)
 */
record ServingGraph(GraphDef graph, List<String> variables) {

	/** The nodes the signature names, inputs and outputs alike. */
	static List<String> roots(ServingSignature signature) {
		List<String> roots = new ArrayList<>();
		for (TensorInfo t : signature.inputs().values()) {
			roots.add(NodeGraph.nodeName(t.getName()));
		}
		for (TensorInfo t : signature.outputs().values()) {
			roots.add(NodeGraph.nodeName(t.getName()));
		}
		return roots;
	}

	/** Prunes a bundle's serving graph; call after {@link GraphSafety#check} accepted the file. */
	static ServingGraph of(SavedModelFile file) {
		GraphDef full = file.serving().getGraphDef();
		Set<String> keep = new NodeGraph(full).ancestors(roots(file.signature()));
		GraphDef.Builder pruned = GraphDef.newBuilder().setVersions(full.getVersions());
		List<String> variables = new ArrayList<>();
		for (NodeDef node : full.getNodeList()) {
			if (!keep.contains(node.getName())) {
				continue;
			}
			pruned.addNode(node.toBuilder().clearDevice());
			if (node.getOp().equals("VarHandleOp")) {
				throw new ModelMismatchException(file.bundleDir() + ": the network keeps its weights in resource variables ('"
					+ node.getName() + "'); ModalityKD bundles use plain variables: only load bundles made by ModalityKD");
			}
			if (node.getOp().equals("VariableV2")) {
				DataType type = node.getAttrOrThrow("dtype").getType();
				if (type != DataType.DT_FLOAT) {
					throw new ModelMismatchException(file.bundleDir() + ": the variable '" + node.getName() + "' is "
						+ type + "; ModalityKD networks hold float32 weights only");
				}
				variables.add(node.getName());
			}
		}
		return new ServingGraph(pruned.build(), List.copyOf(variables));
	}
}
