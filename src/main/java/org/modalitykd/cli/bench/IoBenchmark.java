/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads a synthetic 4-channel float32 case as .nii and .nii.gz and reports the median
 * time and the peak heap used by the read, as a multiple of the data size, next to
 * nibabel reading the same file.
 * <p>
 * Peak heap is the sum of every heap pool's peak usage since a reset just before the
 * read, minus the heap in use at that moment: pools peak at different times, so the
 * figure is an upper bound of the true peak.
 */
public final class IoBenchmark {

	private final int[] shape;
	private final int repeats;
	private final boolean peer;

	public IoBenchmark(int[] shape, int repeats, boolean peer) {
		this.shape = shape.clone();
		this.repeats = repeats;
		this.peer = peer;
	}

	public void run(Path dir, PrintWriter out) throws Exception {
		long dataBytes = (long) shape[0] * shape[1] * shape[2] * shape[3] * Float.BYTES;
		out.printf("io benchmark: %dx%dx%d x %d channels float32 = %.1f MB of data; Java %s, max heap %.0f MB%n", shape[0],
			shape[1], shape[2], shape[3], dataBytes / 1e6, System.getProperty("java.version"),
			Runtime.getRuntime().maxMemory() / 1e6);
		List<Path> files = writeCase(dir);
		Path script = peer ? PeerRun.script("nibabel_read.py") : null;
		out.printf("%-10s %10s %12s %14s %12s %12s %10s%n", "file", "size MB", "read s", "peak heap/data", "nibabel s",
			"nib peak/data", "time ratio");
		NiftiReader reader = new NiftiReader();
		for (Path f : files) {
			double[] seconds = new double[repeats];
			long peak = 0;
			for (int r = 0; r < repeats; r++) {
				System.gc();
				long before = usedHeap();
				resetPeaks();
				long t0 = System.nanoTime();
				Volume v = reader.readVolume(f);
				seconds[r] = (System.nanoTime() - t0) / 1e9;
				peak = Math.max(peak, peakHeap() - before);
				if (v.channelCount() != shape[3]) {
					throw new IllegalStateException("read " + v.channelCount() + " channels");
				}
			}
			double median = median(seconds);
			String peerSeconds = "-";
			String peerPeak = "-";
			String ratio = "-";
			if (script != null) {
				JsonObject p = runPeer(script, f);
				if (p != null) {
					double[] ps = new double[p.getAsJsonArray("seconds").size()];
					for (int i = 0; i < ps.length; i++) {
						ps[i] = p.getAsJsonArray("seconds").get(i).getAsDouble();
					}
					double pm = median(ps);
					peerSeconds = String.format("%.3f", pm);
					peerPeak = String.format("%.2f", p.get("peak_bytes").getAsDouble() / dataBytes);
					ratio = String.format("%.2f", median / pm);
				}
			}
			out.printf("%-10s %10.1f %12.3f %14.2f %12s %12s %10s%n", f.getFileName(), Files.size(f) / 1e6, median,
				peak / (double) dataBytes, peerSeconds, peerPeak, ratio);
		}
		out.println("time ratio = ours / nibabel (median of " + repeats + " reads; < 1 means faster).");
	}

	private List<Path> writeCase(Path dir) throws IOException {
		Geometry g = Geometry.axisAligned(shape[0], shape[1], shape[2], 1, 1, 1);
		int n = (int) g.voxelCount();
		SplittableRandom random = new SplittableRandom(42);
		float[][] channels = new float[shape[3]][n];
		List<String> names = new ArrayList<>();
		for (int c = 0; c < shape[3]; c++) {
			names.add("c" + c);
			// Smooth structure plus noise: compresses like an MRI, unlike pure noise or zeros.
			for (int i = 0; i < n; i++) {
				int x = i % shape[0];
				int y = (i / shape[0]) % shape[1];
				channels[c][i] = (float) (500 + 300 * Math.sin(x * 0.05 + c) * Math.cos(y * 0.04) + 20 * random.nextGaussian());
			}
		}
		Volume v = new Volume(g, names, channels);
		NiftiHeader header = new NiftiHeader().setSform(g.affine(), NiftiHeader.XFORM_SCANNER_ANAT)
			.setQform(g.affine(), NiftiHeader.XFORM_SCANNER_ANAT);
		Path nii = dir.resolve("case.nii");
		Path gz = dir.resolve("case.nii.gz");
		NiftiWriter w = new NiftiWriter();
		w.writeVolume(v, header, nii);
		w.writeVolume(v, header, gz);
		return List.of(nii, gz);
	}

	private JsonObject runPeer(Path script, Path file) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(peerCommand(script, file, repeats)).redirectErrorStream(false).start();
		String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (p.waitFor() != 0 || stdout.isEmpty()) {
			return null;
		}
		return JsonParser.parseString(stdout).getAsJsonObject();
	}

	private static List<String> peerCommand(Path script, Path file, int repeats) {
		return List.of("/usr/bin/python3", script.toString(), file.toString(), Integer.toString(repeats));
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

	private static double median(double[] values) {
		double[] s = values.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}
}
