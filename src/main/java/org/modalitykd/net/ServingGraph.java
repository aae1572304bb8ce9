/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

import com.google.protobuf.ByteString;

/**
 * The part of a bundle's graph that the serving signature runs: the signature's input
 * and output nodes and everything they depend on, nothing else (no saver, no
 * initialisers). This is all the loader imports into TensorFlow. Device pins are
 * dropped: the session's options place the ops.
 *
 * @param graph     the pruned graph, nodes in their original order
 * @param variables names of its variables, which the loader reads from the bundle's
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

	/**
	 * This graph with each variable replaced by a constant holding its value. On the CPU
	 * Grappler then fuses every instance norm and its activation into one oneDNN op
	 * ({@code _MklFusedInstanceNorm}), which it does only when the norm's scale and shift
	 * are constants; the element-wise ops it replaces took a fifth to a third of the
	 * forward pass (docs/performance.md). Variables would also let a session change the weights, which
	 * serving never does.
	 */
	GraphDef frozen(Weights weights) {
		GraphDef.Builder out = GraphDef.newBuilder().setVersions(graph.getVersions());
		for (NodeDef node : graph.getNodeList()) {
			out.addNode(node.getOp().equals("VariableV2") ? constant(node.getName(), weights.get(node.getName())) : node);
		}
		return out.build();
	}

	private static NodeDef constant(String name, Weights.Tensor value) {
		TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
		for (long d : value.shape()) {
			shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
		}
		ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * value.values().length).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(value.values());
		TensorProto tensor = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape)
			.setTensorContent(ByteString.copyFrom(bytes.array())).build();
		return NodeDef.newBuilder().setName(name).setOp("Const")
			.putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
			.putAttr("value", AttrValue.newBuilder().setTensor(tensor).build()).build();
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
