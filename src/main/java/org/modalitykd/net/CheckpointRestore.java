/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * Reads a loaded bundle's weights from its own {@code variables/variables} checkpoint
 * with a restore op that this class builds: the file names come from the
 * loader, never from the bundle's graph, and a restore op can only read. The checkpoint
 * files must be regular files inside the bundle (a link out of it is refused).
 */
final class CheckpointRestore {

	private static final String SCOPE = "modalitykd_restore";

	private CheckpointRestore() {
	}

	/** The checkpoint prefix of a bundle, checked to be the bundle's own files. */
	static Path prefix(Path bundleDir) throws IOException {
		Path variables = bundleDir.resolve("variables");
		Path index = variables.resolve("variables.index");
		if (Files.isSymbolicLink(variables) || Files.isSymbolicLink(index)) {
			throw new ModelMismatchException(bundleDir + ": " + bundleDir.relativize(Files.isSymbolicLink(variables) ? variables
				: index) + " is a link; a bundle's weights must be its own files");
		}
		if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
			throw new NoSuchFileException(index.toString(), null, "the bundle's weights are missing");
		}
		Path root = bundleDir.toRealPath();
		try (Stream<Path> files = Files.list(variables)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				if (!f.toRealPath().startsWith(root) || Files.isSymbolicLink(f)) {
					throw new ModelMismatchException(bundleDir + ": " + bundleDir.relativize(f)
						+ " is a link; a bundle's weights must be its own files");
				}
			}
		}
		if (!variables.toRealPath().startsWith(root)) {
			throw new ModelMismatchException(bundleDir + ": variables/ points outside the bundle; a bundle's weights must be its own files");
		}
		return variables.resolve("variables");
	}

	/**
	 * Reads the named float32 tensors from the checkpoint at {@code prefix}, in a graph
	 * and CPU session of its own (the bundle's graph gets them as constants).
	 */
	static Weights read(Path prefix, List<String> variables) {
		if (variables.isEmpty()) {
			return new Weights(Map.of());
		}
		try (Graph graph = new Graph(); Session session = new Session(graph, SessionOptions.cpu().toConfigProto())) {
			Ops tf = Ops.create(graph).withSubScope(SCOPE);
			String[] names = variables.toArray(String[]::new);
			String[] wholeTensors = new String[names.length];
			Arrays.fill(wholeTensors, "");
			List<Class<? extends TType>> types = new ArrayList<>(Collections.nCopies(names.length, TFloat32.class));
			Operand<TString> file = tf.constant(prefix.toString());
			Restore read = tf.train.restore(file, tf.constant(UTF_8, names), tf.constant(UTF_8, wholeTensors), types);
			Session.Runner run = session.runner();
			read.tensors().forEach(run::fetch);
			Map<String, Weights.Tensor> out = new LinkedHashMap<>();
			try (Result values = run.run()) {
				for (int i = 0; i < names.length; i++) {
					TFloat32 t = (TFloat32) values.get(i);
					out.put(names[i], new Weights.Tensor(t.shape().asArray(), Tensors.toFloats(t)));
				}
			}
			return new Weights(out);
		}
	}
}
