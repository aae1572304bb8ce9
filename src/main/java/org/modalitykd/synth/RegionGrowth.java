/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Best-first growth of a connected region among the candidates of a {@link VoxelBox}:
 * starting from seed voxels, the allowed face neighbour of the region with the
 * smallest priority joins next, until the region has the wanted size or no allowed
 * neighbour is left. The result is connected to the seeds and, with a priority that
 * grows with distance from a centre, an irregular blob of exactly the wanted size.
 * Ties go to the smaller candidate number, so growth is reproducible.
 */
final class RegionGrowth {

	private RegionGrowth() {
	}

	/**
	 * @param seeds    candidates the region starts from (each joins if allowed, by priority)
	 * @param priority per candidate; smaller joins first (non-negative)
	 * @param allowed  which candidates may join
	 * @param count    the wanted size
	 * @return the candidates of the region, in the order they joined
	 */
	static int[] grow(VoxelBox box, int[] seeds, float[] priority, IntPredicate allowed, int count) {
		boolean[] queued = new boolean[box.candidateCount()];
		PriorityQueue<Long> frontier = new PriorityQueue<>();
		for (int s : seeds) {
			if (!queued[s] && allowed.test(s)) {
				queued[s] = true;
				frontier.add(key(priority[s], s));
			}
		}
		int[] region = new int[Math.min(count, box.candidateCount())];
		int size = 0;
		int[] next = new int[6];
		while (size < region.length && !frontier.isEmpty()) {
			int c = (int) (long) frontier.poll();
			region[size++] = c;
			int n = box.neighbours(c, next);
			for (int t = 0; t < n; t++) {
				int q = next[t];
				if (!queued[q] && allowed.test(q)) {
					queued[q] = true;
					frontier.add(key(priority[q], q));
				}
			}
		}
		return Arrays.copyOf(region, size);
	}

	/** The allowed candidates that touch {@code region} across a face but are not in it. */
	static int[] border(VoxelBox box, int[] region, IntPredicate allowed) {
		boolean[] inRegion = new boolean[box.candidateCount()];
		for (int c : region) {
			inRegion[c] = true;
		}
		boolean[] seen = new boolean[box.candidateCount()];
		int[] out = new int[box.candidateCount()];
		int size = 0;
		int[] next = new int[6];
		for (int c : region) {
			int n = box.neighbours(c, next);
			for (int t = 0; t < n; t++) {
				int q = next[t];
				if (!inRegion[q] && !seen[q] && allowed.test(q)) {
					seen[q] = true;
					out[size++] = q;
				}
			}
		}
		return Arrays.copyOf(out, size);
	}

	/** Non-negative floats order like their bit patterns; the low half breaks ties by number. */
	private static long key(float priority, int candidate) {
		return ((long) Float.floatToIntBits(Math.max(0f, priority)) << 32) | candidate;
	}
}
