/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TestDevice;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.CollectionDef;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

import com.google.protobuf.ByteString;

/**
 * Bundles crafted to write, move or delete files through each route a graph offers (the
 * restore target, an init op, the signature, a function) are refused before TensorFlow
 * runs anything, and the files they aim at stay untouched. For the two main routes the
 * test first shows that TensorFlow's own SavedModel loader does run the attack, so the
 * crafted bundles are real attacks, not malformed files.
 */
class CraftedBundleTest {

	@TempDir
	Path tmp;

	/** Another bundle whose weights the attacks aim at. */
	private Path victim;
	private Map<String, byte[]> victimFiles;

	@BeforeEach
	void victim() throws IOException {
		victim = bundle("victim");
		victimFiles = contents(victim);
	}

	private Path bundle(String name) throws IOException {
		Path dir = tmp.resolve(name);
		UNetConfig config = ModelBundleTest.CONFIG;
		ModelBundle.save(dir, ModelBundleTest.card(config, org.modalitykd.io.Modalities.BRATS, ModelRole.TEACHER),
			ModelBundleTest.weights(config));
		return dir;
	}

	private static Map<String, byte[]> contents(Path dir) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
				files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
			}
		}
		return files;
	}

	private void assertVictimUntouched() throws IOException {
		Map<String, byte[]> now = contents(victim);
		assertEquals(victimFiles.keySet(), now.keySet(), "the victim bundle's files");
		victimFiles.forEach((f, bytes) -> assertArrayEquals(bytes, now.get(f), f));
	}

	/** A copy of a fresh bundle whose serving meta graph is edited. */
	private Path crafted(String name, Consumer<MetaGraphDef.Builder> edit) throws IOException {
		Path dir = bundle(name);
		Path pb = dir.resolve("saved_model.pb");
		SavedModel.Builder model;
		try (InputStream in = Files.newInputStream(pb)) {
			model = SavedModel.parseFrom(in).toBuilder();
		}
		edit.accept(model.getMetaGraphsBuilder(0));
		try (OutputStream out = Files.newOutputStream(pb)) {
			model.build().writeTo(out);
		}
		return dir;
	}

	private static NodeDef strings(String name, String... values) {
		return strings(name, values.length != 1, values);
	}

	private static NodeDef stringVector(String name, String... values) {
		return strings(name, true, values);
	}

	private static NodeDef strings(String name, boolean vector, String... values) {
		TensorProto.Builder t = TensorProto.newBuilder().setDtype(DataType.DT_STRING);
		TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
		if (vector) {
			shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(values.length));
		}
		t.setTensorShape(shape);
		for (String v : values) {
			t.addStringVal(ByteString.copyFromUtf8(v));
		}
		return NodeDef.newBuilder().setName(name).setOp("Const")
			.putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_STRING).build())
			.putAttr("value", AttrValue.newBuilder().setTensor(t).build()).build();
	}

	/** SaveV2 writing a constant as a checkpoint at {@code target} (the key of a real weight). */
	private static void addSave(GraphDef.Builder g, String name, Path target) {
		g.addNode(strings(name + "/prefix", target.toString()));
		g.addNode(stringVector(name + "/names", "out/bias"));
		g.addNode(stringVector(name + "/slices", ""));
		g.addNode(NodeDef.newBuilder().setName(name + "/payload").setOp("Const")
			.putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
			.putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
				.setTensorShape(TensorShapeProto.newBuilder()).addFloatVal(666f)).build()));
		g.addNode(NodeDef.newBuilder().setName(name).setOp("SaveV2").addInput(name + "/prefix")
			.addInput(name + "/names").addInput(name + "/slices").addInput(name + "/payload")
			.putAttr("dtypes", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addType(DataType.DT_FLOAT))
				.build()));
	}

	/** MergeV2Checkpoints moving the checkpoint at {@code from} to {@code to} and deleting its folder. */
	private static void addMerge(GraphDef.Builder g, String name, Path from, Path to) {
		g.addNode(stringVector(name + "/from", from.toString()));
		g.addNode(strings(name + "/to", to.toString()));
		g.addNode(NodeDef.newBuilder().setName(name).setOp("MergeV2Checkpoints").addInput(name + "/from")
			.addInput(name + "/to").putAttr("delete_old_dirs", AttrValue.newBuilder().setB(true).build()));
	}

	private static void addControlInput(GraphDef.Builder g, String node, String controller) {
		for (NodeDef.Builder n : g.getNodeBuilderList()) {
			if (n.getName().equals(node)) {
				n.addInput("^" + controller);
				return;
			}
		}
		throw new AssertionError("no node " + node);
	}

	private static String restoreOp(MetaGraphDef.Builder meta) {
		return meta.getSaverDef().getRestoreOpName();
	}

	private ModelMismatchException refused(Path bundle) {
		ModelMismatchException e = assertThrows(ModelMismatchException.class,
			() -> ModelBundle.load(bundle, TestDevice.session()).close());
		assertEquals(1, e.getMessage().lines().count(), e.getMessage());
		return e;
	}

	@Test
	void aSaveWiredIntoTheRestoreTargetIsRefusedAndOverwritesNothing() throws IOException {
		Path target = victim.resolve("variables/variables");
		Path bundle = crafted("save-on-restore", meta -> {
			addSave(meta.getGraphDefBuilder(), "evil", target);
			addControlInput(meta.getGraphDefBuilder(), restoreOp(meta), "evil");
		});
		ModelMismatchException e = refused(bundle);
		assertTrue(e.getMessage().contains("SaveV2") && e.getMessage().contains("write files"), e.getMessage());
		assertVictimUntouched();

		// The same bundle under TensorFlow's own loader overwrites the victim's weights.
		SavedModelBundle.load(bundle.toString(), SavedModelBundle.DEFAULT_TAG).close();
		assertFalse(java.util.Arrays.equals(victimFiles.get("variables/variables.index"),
			Files.readAllBytes(victim.resolve("variables/variables.index"))), "the attack is real");
	}

	@Test
	void aSaveToAnyPathIsRefusedAndCreatesNothing() throws IOException {
		Path target = tmp.resolve("elsewhere/planted");
		Files.createDirectories(target.getParent());
		Path bundle = crafted("save-anywhere", meta -> {
			addSave(meta.getGraphDefBuilder(), "evil", target);
			addControlInput(meta.getGraphDefBuilder(), restoreOp(meta), "evil");
		});
		refused(bundle);
		try (Stream<Path> left = Files.list(target.getParent())) {
			assertEquals(0, left.count(), "nothing written at the crafted path");
		}
	}

	@Test
	void aMergeThatMovesAnotherBundlesWeightsIsRefused() throws IOException {
		Path stolen = tmp.resolve("stolen/variables");
		Path bundle = crafted("merge-on-restore", meta -> {
			addMerge(meta.getGraphDefBuilder(), "evil", victim.resolve("variables/variables"), stolen);
			addControlInput(meta.getGraphDefBuilder(), restoreOp(meta), "evil");
		});
		ModelMismatchException e = refused(bundle);
		assertTrue(e.getMessage().contains("MergeV2Checkpoints"), e.getMessage());
		assertVictimUntouched();
		assertFalse(Files.exists(stolen.getParent()));

		// TensorFlow's own loader runs it: the victim's weights move away (or at least get touched).
		try {
			SavedModelBundle.load(bundle.toString(), SavedModelBundle.DEFAULT_TAG).close();
		} catch (RuntimeException expectedWhenTheRestoreThenFindsNothing) {
			// the merge ran first; what the restore makes of it does not matter here
		}
		assertTrue(Files.exists(Path.of(stolen + ".index")) || !Files.exists(victim.resolve("variables/variables.index")),
			"the attack is real");
	}

	@Test
	void aSaveOnTheInitOpIsRefused() throws IOException {
		Path target = victim.resolve("variables/variables");
		Path bundle = crafted("save-on-init", meta -> {
			addSave(meta.getGraphDefBuilder(), "evil", target);
			meta.getGraphDefBuilder().addNode(NodeDef.newBuilder().setName("init_all").setOp("NoOp").addInput("^evil"));
			meta.putCollectionDef("saved_model_main_op", CollectionDef.newBuilder()
				.setNodeList(CollectionDef.NodeList.newBuilder().addValue("init_all")).build());
		});
		ModelMismatchException e = refused(bundle);
		assertTrue(e.getMessage().contains("init_all"), e.getMessage());
		assertVictimUntouched();
	}

	@Test
	void aSaveOnTheSignaturesOutputIsRefused() throws IOException {
		Path target = victim.resolve("variables/variables");
		Path bundle = crafted("save-on-output", meta -> {
			addSave(meta.getGraphDefBuilder(), "evil", target);
			addControlInput(meta.getGraphDefBuilder(), ModelCardJson.OUTPUT, "evil");
		});
		refused(bundle);
		assertVictimUntouched();
	}

	@Test
	void aRestoreInTheServingPathIsRefused() throws IOException {
		// A read of a file chosen by the bundle, fed into the output: not a write, but no
		// part of a network either.
		Path bundle = crafted("restore-on-output", meta -> {
			GraphDef.Builder g = meta.getGraphDefBuilder();
			g.addNode(strings("peek/prefix", victim.resolve("variables/variables").toString()));
			g.addNode(stringVector("peek/names", "out/bias"));
			g.addNode(stringVector("peek/slices", ""));
			g.addNode(NodeDef.newBuilder().setName("peek").setOp("RestoreV2").addInput("peek/prefix").addInput("peek/names")
				.addInput("peek/slices").putAttr("dtypes", AttrValue.newBuilder()
					.setList(AttrValue.ListValue.newBuilder().addType(DataType.DT_FLOAT)).build()));
			addControlInput(g, ModelCardJson.OUTPUT, "peek");
		});
		ModelMismatchException e = refused(bundle);
		assertTrue(e.getMessage().contains("RestoreV2"), e.getMessage());
	}

	@Test
	void aFileOpInsideAFunctionIsRefused() throws IOException {
		Path target = tmp.resolve("from-function.txt");
		Path bundle = crafted("function", meta -> {
			GraphDef.Builder g = meta.getGraphDefBuilder();
			g.addNode(strings("payload/name", target.toString()));
			g.addNode(strings("payload/text", "owned"));
			g.getLibraryBuilder().addFunction(FunctionDef.newBuilder()
				.setSignature(OpDef.newBuilder().setName("innocent_looking").setIsStateful(true)
					.addInputArg(OpDef.ArgDef.newBuilder().setName("file").setType(DataType.DT_STRING))
					.addInputArg(OpDef.ArgDef.newBuilder().setName("text").setType(DataType.DT_STRING)))
				.addNodeDef(NodeDef.newBuilder().setName("write").setOp("WriteFile").addInput("file").addInput("text")));
			g.addNode(NodeDef.newBuilder().setName("call").setOp("innocent_looking").addInput("payload/name")
				.addInput("payload/text"));
			addControlInput(g, restoreOp(meta), "call");
		});
		ModelMismatchException e = refused(bundle);
		assertTrue(e.getMessage().contains("WriteFile"), e.getMessage());
		assertFalse(Files.exists(target));
	}

	@Test
	void aFunctionOfHarmlessOpsIsRefusedToo() throws IOException {
		Path bundle = crafted("harmless-function", meta -> meta.getGraphDefBuilder().getLibraryBuilder()
			.addFunction(FunctionDef.newBuilder().setSignature(OpDef.newBuilder().setName("f"))
				.addNodeDef(NodeDef.newBuilder().setName("n").setOp("NoOp"))));
		ModelMismatchException e = refused(bundle);
		assertTrue(e.getMessage().contains("functions") && e.getMessage().contains("f"), e.getMessage());
	}

	@Test
	void anUnwiredSaverIsHarmlessAndAnUntouchedBundleLoads() throws IOException {
		Path target = tmp.resolve("never/written");
		Path bundle = crafted("unwired", meta -> addSave(meta.getGraphDefBuilder(), "idle", target));
		try (ModelBundle b = ModelBundle.load(bundle, TestDevice.session())) {
			assertEquals(ModelRole.TEACHER, b.card().role());
		}
		assertFalse(Files.exists(target.getParent()));
		assertVictimUntouched();
	}

	@Test
	void weightsLinkedFromOutsideTheBundleAreRefused() throws IOException {
		Path bundle = bundle("linked");
		Path index = bundle.resolve("variables/variables.index");
		Files.delete(index);
		Files.createSymbolicLink(index, victim.resolve("variables/variables.index"));
		ModelMismatchException e = refused(bundle);
		assertTrue(e.getMessage().contains("link"), e.getMessage());
	}
}
