/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of one stretch of a benchmark: the process's resident memory (Linux
 * VmHWM, reset at the start by writing 5 to /proc/self/clear_refs; where that is refused
 * the highest VmRSS seen by a sampler) and the highest Java heap use the sampler saw
 * (every 5 ms: heap peaks between samples and garbage never seen live are missed, so it
 * is a lower bound). Native memory (TensorFlow's tensors) shows in the resident size
 * only. Use one probe per stretch: {@link #start()}, the work, {@link #stop()}.
 */
public final class MemoryProbe implements AutoCloseable {

	/** Resident memory before the stretch, the peaks during it, in bytes; exact = VmHWM was reset. */
	record Peaks(long rssBefore, long peakRss, long peakHeap, boolean exact) {
		long rssIncrease() {
			return peakRss - rssBefore;
		}

		/** The stretch made of these consecutive ones: the first one's start, the highest peaks. */
		static Peaks over(java.util.Collection<Peaks> parts) {
			long before = parts.iterator().next().rssBefore();
			return new Peaks(before, parts.stream().mapToLong(Peaks::peakRss).max().orElseThrow(),
				parts.stream().mapToLong(Peaks::peakHeap).max().orElseThrow(), parts.stream().allMatch(Peaks::exact));
		}
	}

	private static final Path STATUS = Path.of("/proc/self/status");
	private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
	private volatile boolean running;
	private volatile long sampledHeap;
	private volatile long sampledRss;
	private long rssBefore;
	private boolean exact;
	private Thread sampler;

	static MemoryProbe start() {
		MemoryProbe p = new MemoryProbe();
		p.begin();
		return p;
	}

	private void begin() {
		rssBefore = kib("VmRSS") * 1024;
		try {
			Files.writeString(Path.of("/proc/self/clear_refs"), "5");
			exact = kib("VmHWM") > 0;
		} catch (IOException | SecurityException e) {
			exact = false; // Not Linux, or an old kernel: the sampler's VmRSS peak stands in.
		}
		sampledHeap = heap.getHeapMemoryUsage().getUsed();
		sampledRss = rssBefore;
		running = true;
		sampler = new Thread(this::sample, "memory-probe");
		sampler.setDaemon(true);
		sampler.start();
	}

	private void sample() {
		int n = 0;
		while (running) {
			sampledHeap = Math.max(sampledHeap, heap.getHeapMemoryUsage().getUsed());
			// /proc is read less often than the heap: it costs a file read.
			if (!exact && n++ % 4 == 0) {
				sampledRss = Math.max(sampledRss, kib("VmRSS") * 1024);
			}
			try {
				Thread.sleep(5);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	Peaks stop() {
		running = false;
		try {
			sampler.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		long rss = exact ? kib("VmHWM") * 1024 : Math.max(sampledRss, kib("VmRSS") * 1024);
		long h = Math.max(sampledHeap, heap.getHeapMemoryUsage().getUsed());
		return new Peaks(rssBefore, rss, h, exact);
	}

	@Override
	public void close() {
		running = false;
	}

	/** A "Vm...: N kB" field of /proc/self/status, or -1 when there is none. */
	static long kib(String field) {
		try {
			for (String line : Files.readAllLines(STATUS)) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("\\D+", ""));
				}
			}
		} catch (IOException | NumberFormatException e) {
			// Not Linux: no resident-size figures.
		}
		return -1;
	}
}
