/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modalitykd.net.UNetConfig;

/**
 * How many windows one TensorFlow call may take, from the memory actually free rather
 * than a fixed number: a laptop and a 128 GB node should both run without
 * out-of-memory errors and without wasting the larger machine. (If TensorFlow still runs
 * out, the sliding window halves the batch and goes on.)
 * <p>
 * The estimate counts, per window, every level's feature maps in float32, twelve times
 * over (two convolutions with their normalisation and activation, in encoder and
 * decoder, plus the skip concatenation and TensorFlow's scratch space), times 8 with
 * mirroring (the flips run as one batch). Only half of the available memory is planned
 * for.
 */
public final class WindowBatchPlanner {

	/** Feature-map copies per level alive at once, generously. */
	private static final int COPIES_PER_LEVEL = 12;

	private WindowBatchPlanner() {
	}

	/** Bytes one window needs while it runs. */
	public static long bytesPerWindow(UNetConfig arch, int[] patch, boolean mirror) {
		long voxels = (long) patch[0] * patch[1] * patch[2];
		long bytes = voxels * (arch.inputChannels() + arch.classes()) * Float.BYTES * 2L;
		for (int level = 0; level < arch.levels(); level++) {
			long levelVoxels = voxels >> (3 * level);
			bytes += levelVoxels * arch.filters(level) * Float.BYTES * COPIES_PER_LEVEL;
		}
		return mirror ? bytes * 8 : bytes;
	}

	/** The number of windows per call: at most {@code cap}, at least 1. */
	public static int windowsPerCall(UNetConfig arch, int[] patch, boolean mirror, long availableBytes, int cap) {
		long fit = availableBytes / 2 / Math.max(1, bytesPerWindow(arch, patch, mirror));
		return (int) Math.max(1, Math.min(cap, fit));
	}

	/**
	 * Memory free where the windows will run: on a GPU, the free memory of the first
	 * visible GPU as {@code nvidia-smi} reports it (TensorFlow Java has no query for it);
	 * on the CPU, or when nvidia-smi cannot say, {@link #availableBytes()}.
	 */
	public static long availableBytes(boolean gpu) {
		if (gpu) {
			try {
				Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=memory.free", "--format=csv,noheader,nounits")
					.redirectErrorStream(true).start();
				String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				if (p.waitFor() == 0) {
					long free = parseNvidiaSmiFreeMiB(text);
					if (free > 0) {
						return free;
					}
				}
			} catch (IOException e) {
				// No nvidia-smi: plan with host memory below.
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return availableBytes();
	}

	/**
	 * Bytes from nvidia-smi's {@code memory.free} in MiB, one line per GPU: the first
	 * GPU's (TensorFlow's device 0), or -1 when the text holds no number.
	 */
	static long parseNvidiaSmiFreeMiB(String text) {
		for (String line : text.strip().split("\\R")) {
			try {
				return Long.parseLong(line.trim()) * 1024 * 1024;
			} catch (NumberFormatException e) {
				return -1;
			}
		}
		return -1;
	}

	/**
	 * Memory the system can give without swapping: Linux's MemAvailable, or, where that
	 * cannot be read, what the JVM itself may still take.
	 */
	public static long availableBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemAvailable:")) {
					return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
				}
			}
		} catch (IOException | NumberFormatException e) {
			// Not Linux, or an unusual /proc: fall back below.
		}
		Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}
}
