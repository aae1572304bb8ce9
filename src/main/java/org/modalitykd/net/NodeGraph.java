/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The nodes of a {@link GraphDef} and the edges between them, data and control edges
 * alike (a control input runs before its consumer just as a data input does), for
 * asking what a fetch would run and what depends on a node.
 */
final class NodeGraph {

	private final Map<String, NodeDef> nodes = new HashMap<>();
	private final Map<String, List<String>> consumers = new HashMap<>();

	NodeGraph(GraphDef graph) {
		for (NodeDef node : graph.getNodeList()) {
			nodes.put(node.getName(), node);
		}
		for (NodeDef node : graph.getNodeList()) {
			for (String input : node.getInputList()) {
				consumers.computeIfAbsent(nodeName(input), k -> new ArrayList<>()).add(node.getName());
			}
		}
	}

	/** The node of an input or tensor reference: {@code ^name}, {@code name:1} and {@code name} all give {@code name}. */
	static String nodeName(String reference) {
		String name = reference.startsWith("^") ? reference.substring(1) : reference;
		int colon = name.indexOf(':');
		return colon < 0 ? name : name.substring(0, colon);
	}

	NodeDef node(String name) {
		return nodes.get(name);
	}

	/** Every node a run of {@code roots} executes: the roots and, transitively, their data and control inputs. */
	Set<String> ancestors(Collection<String> roots) {
		return closure(roots, name -> {
			NodeDef node = nodes.get(name);
			return node == null ? List.of() : node.getInputList().stream().map(NodeGraph::nodeName).toList();
		});
	}

	/** Every node that cannot run without {@code root} having run (excluding {@code root} itself). */
	Set<String> descendants(String root) {
		Set<String> all = closure(List.of(root), name -> consumers.getOrDefault(name, List.of()));
		all.remove(root);
		return all;
	}

	private static Set<String> closure(Collection<String> roots, java.util.function.Function<String, List<String>> next) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>();
		for (String r : roots) {
			todo.add(nodeName(r));
		}
		while (!todo.isEmpty()) {
			String name = todo.poll();
			if (seen.add(name)) {
				todo.addAll(next.apply(name));
			}
		}
		return seen;
	}
}
