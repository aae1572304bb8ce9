/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Batches read through a bounded case cache of cropped cases are bit for bit the batches
 * of the whole cases held in memory, whatever the cache holds; the cache never holds
 * more than its budget, and its threads end with the source.
 */
class StreamedBatchesTest {

	private static final int[] PATCH = { 16, 16, 8 };
	private static final long SEED = 42;

	/** Cases of several sizes (one smaller than a patch, one without tumour), zero outside a "brain". */
	static List<TrainingCase> wholeCases() {
		List<TrainingCase> out = new ArrayList<>();
		int[][] dims = { { 24, 20, 14 }, { 30, 26, 12 }, { 10, 12, 6 }, { 22, 22, 16 }, { 28, 18, 10 } };
		SplittableRandom r = new SplittableRandom(7);
		for (int n = 0; n < dims.length; n++) {
			int[] d = dims[n];
			Geometry g = Geometry.axisAligned(d[0], d[1], d[2], 1, 1, 1);
			float[][] channels = new float[2][d[0] * d[1] * d[2]];
			byte[] labels = new byte[channels[0].length];
			for (int z = 0, i = 0; z < d[2]; z++) {
				for (int y = 0; y < d[1]; y++) {
					for (int x = 0; x < d[0]; x++, i++) {
						double ex = (x - d[0] / 2.0) / (d[0] / 3.0);
						double ey = (y - d[1] / 2.0) / (d[1] / 3.0);
						double ez = (z - d[2] / 2.0) / (d[2] / 2.5);
						double rr = ex * ex + ey * ey + ez * ez;
						if (rr < 1) {
							channels[0][i] = (float) (100 + 20 * r.nextDouble());
							channels[1][i] = (float) (300 + 50 * r.nextGaussian());
							if (n != 3 && rr < 0.15) {
								labels[i] = (byte) (rr < 0.05 ? 4 : rr < 0.1 ? 1 : 2);
							}
						}
					}
				}
			}
			out.add(TrainingCase.of("c" + n, new Volume(g, List.of("t1", "t2"), channels), new LabelVolume(g, labels),
				new ZScoreNormalizer()));
		}
		return out;
	}

	/** The case cropped to where it is not +0.0 or class 0 (found here independently of the preparation). */
	static TrainingCase crop(TrainingCase c) {
		int[] d = c.grid();
		int[] lo = { d[0], d[1], d[2] };
		int[] hi = { -1, -1, -1 };
		for (int z = 0, i = 0; z < d[2]; z++) {
			for (int y = 0; y < d[1]; y++) {
				for (int x = 0; x < d[0]; x++, i++) {
					boolean set = c.classes()[i] != 0;
					for (int k = 0; k < c.channels(); k++) {
						set |= Float.floatToRawIntBits(c.images().channel(k)[i]) != 0;
					}
					if (set) {
						int[] p = { x, y, z };
						for (int a = 0; a < 3; a++) {
							lo[a] = Math.min(lo[a], p[a]);
							hi[a] = Math.max(hi[a], p[a]);
						}
					}
				}
			}
		}
		int[] b = { hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1 };
		float[][] ch = new float[c.channels()][b[0] * b[1] * b[2]];
		byte[] cl = new byte[b[0] * b[1] * b[2]];
		for (int z = 0, i = 0; z < b[2]; z++) {
			for (int y = 0; y < b[1]; y++) {
				for (int x = 0; x < b[0]; x++, i++) {
					int at = ((z + lo[2]) * d[1] + y + lo[1]) * d[0] + x + lo[0];
					cl[i] = c.classes()[at];
					for (int k = 0; k < ch.length; k++) {
						ch[k][i] = c.images().channel(k)[at];
					}
				}
			}
		}
		assertTrue(b[0] * b[1] * b[2] < d[0] * d[1] * d[2], "the crop is smaller than the grid");
		return TrainingCase.cropped(c.id(), new Volume(Geometry.axisAligned(b[0], b[1], b[2], 1, 1, 1),
			c.images().channelNames(), ch), cl, d, lo);
	}

	/** Reads cropped copies of {@code cases}, counting the reads and the cases alive at once. */
	static final class CountingStore implements CaseStore {
		final List<TrainingCase> cases;
		final List<Integer> reads = Collections.synchronizedList(new ArrayList<>());
		final List<Thread> readers = Collections.synchronizedList(new ArrayList<>());

		CountingStore(List<TrainingCase> whole) {
			cases = whole.stream().map(StreamedBatchesTest::crop).toList();
		}

		@Override
		public int size() {
			return cases.size();
		}

		@Override
		public Shape shape(int index) {
			return Shape.of(cases.get(index));
		}

		/** The cases read by {@code t}, in order. */
		synchronized List<Integer> readBy(Thread t) {
			List<Integer> out = new ArrayList<>();
			for (int i = 0; i < reads.size(); i++) {
				if (readers.get(i) == t) {
					out.add(reads.get(i));
				}
			}
			return out;
		}

		@Override
		public TrainingCase load(int index) {
			synchronized (this) {
				reads.add(index);
				readers.add(Thread.currentThread());
			}
			TrainingCase c = cases.get(index);
			// A fresh copy each time, as a read from disk gives.
			float[][] ch = new float[c.channels()][];
			for (int k = 0; k < ch.length; k++) {
				ch[k] = c.images().channel(k).clone();
			}
			return new TrainingCase(c.id(), new Volume(c.images().geometry(), c.images().channelNames(), ch),
				c.classes().clone(), c.foreground().clone(), c.grid(), c.boxOrigin());
		}
	}

	/** The batch of a step as BatchSource computed it before cases were streamed: whole cases in a list. */
	static PatchBatch reference(List<TrainingCase> cases, Augmentation augmentation, int batchSize, double share,
		long step) {
		PatchSampler sampler = new PatchSampler(PATCH);
		SplittableRandom random = new SplittableRandom(BatchSource.mix(SEED, step));
		int forced = (int) Math.round(batchSize * share);
		Patch[] patches = new Patch[batchSize];
		for (int n = 0; n < batchSize; n++) {
			TrainingCase c = cases.get(random.nextInt(cases.size()));
			patches[n] = augmentation.apply(sampler.sample(c, n >= batchSize - forced, random), random);
		}
		return BatchSource.pack(patches);
	}

	@Test
	void batchesAreBitIdenticalWhateverTheCacheHolds() throws Exception {
		List<TrainingCase> whole = wholeCases();
		long oneCase = whole.stream().mapToLong(TrainingCase::bytes).max().orElseThrow();
		for (Augmentation aug : List.of(Augmentation.defaults(), Augmentation.nnUnet())) {
			int steps = 12;
			List<PatchBatch> expected = new ArrayList<>();
			for (long s = 3; s < 3 + steps; s++) {
				expected.add(reference(whole, aug, 3, 0.34, s));
			}
			for (long budget : new long[] { Long.MAX_VALUE, oneCase, 0 }) {
				CountingStore store = new CountingStore(whole);
				try (CaseCache cache = new CaseCache(store, budget, true);
					BatchSource source = new BatchSource(cache, new PatchSampler(PATCH), aug, 3, 0.34, SEED, 3, 2)) {
					for (int s = 0; s < steps; s++) {
						PatchBatch b = source.next();
						String what = "step " + (s + 3) + ", cache " + budget + " bytes, " + (aug.scanner().any() ? "nnunet"
							: "light");
						assertArrayEquals(expected.get(s).images(), b.images(), what + ": images");
						assertArrayEquals(expected.get(s).labels(), b.labels(), what + ": classes");
					}
					assertTrue(cache.peakBytes() <= budget, "never more than the budget held");
				}
			}
			// The old constructor (whole cases in memory) too.
			try (BatchSource source = new BatchSource(whole, new PatchSampler(PATCH), aug, 3, 0.34, SEED, 3, 2)) {
				for (int s = 0; s < steps; s++) {
					assertArrayEquals(expected.get(s).images(), source.next().images());
				}
			}
		}
	}

	@Test
	void thePlanNamesTheCasesTheBatchReads() throws IOException {
		List<TrainingCase> whole = wholeCases();
		for (Augmentation aug : List.of(Augmentation.defaults(), Augmentation.nnUnet())) {
			CountingStore store = new CountingStore(whole);
			// Nothing held, no prefetch: every patch reads its case, in order.
			try (CaseCache cache = new CaseCache(store, 0, false);
				BatchSource source = new BatchSource(cache, new PatchSampler(PATCH), aug, 4, 0.5, SEED, 1_000_000, 1)) {
				for (long step = 0; step < 20; step++) {
					int before = store.readBy(Thread.currentThread()).size();
					source.batch(step);
					List<Integer> read = store.readBy(Thread.currentThread());
					assertEquals(read.subList(before, read.size()), source.plan(step), "step " + step);
				}
			}
		}
	}

	@Test
	void theCacheHoldsAtMostItsBudgetAndReadsEachCaseOnceWhenAllFit() throws Exception {
		List<TrainingCase> whole = wholeCases();
		CountingStore store = new CountingStore(whole);
		long two = store.cases.stream().mapToLong(TrainingCase::bytes).sorted().skip(store.cases.size() - 2).sum();
		try (CaseCache cache = new CaseCache(store, two, true);
			BatchSource source = new BatchSource(cache, new PatchSampler(PATCH), Augmentation.defaults(), 2, 0.5, SEED, 0,
				2)) {
			for (int s = 0; s < 40; s++) {
				source.next();
				assertTrue(cache.heldBytes() <= two && cache.heldCases() < whole.size(), cache.toString());
			}
			assertTrue(cache.peakBytes() <= two);
			assertTrue(store.reads.size() > whole.size(), "a small cache reads cases again: " + store.reads.size());
		}
		CountingStore all = new CountingStore(whole);
		try (CaseCache cache = new CaseCache(all, Long.MAX_VALUE, true);
			BatchSource source = new BatchSource(cache, new PatchSampler(PATCH), Augmentation.defaults(), 2, 0.5, SEED, 0,
				2)) {
			for (int s = 0; s < 40; s++) {
				source.next();
			}
			assertEquals(all.reads.size(), all.reads.stream().distinct().count(), "each case read once: " + all.reads);
		}
	}

	@Test
	void prefetchedCasesAreReadyWithoutAnotherRead() throws Exception {
		CountingStore store = new CountingStore(wholeCases());
		AtomicInteger before = new AtomicInteger();
		try (CaseCache cache = new CaseCache(store, Long.MAX_VALUE, true)) {
			assertTrue(cache.prefetching());
			cache.prefetch(List.of(1, 3));
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (cache.heldCases() < 2 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			before.set(store.reads.size());
			assertEquals(List.of(1, 3), store.reads, "the prefetch thread read them");
			assertEquals("c1", cache.get(1).id());
			assertEquals("c3", cache.get(3).id());
			assertEquals(before.get(), store.reads.size(), "served from memory");
		}
	}

	@Test
	void closingStopsTheBatchAndPrefetchThreads() throws Exception {
		CountingStore store = new CountingStore(wholeCases());
		CaseCache cache = new CaseCache(store, Long.MAX_VALUE, true);
		BatchSource source = new BatchSource(cache, new PatchSampler(PATCH), Augmentation.nnUnet(), 2, 0.5, SEED, 0, 2);
		source.next();
		source.close();
		cache.close();
		assertFalse(cache.prefetching());
		assertTrue(threads("modalitykd-prefetch").isEmpty() && threads("modalitykd-batches").isEmpty(),
			"threads left: " + threads("modalitykd-"));
		// A source that made its own cache closes it.
		BatchSource own = new BatchSource(wholeCases(), new PatchSampler(PATCH), Augmentation.defaults(), 2, 0.5, SEED, 0, 2);
		own.next();
		own.close();
		assertTrue(threads("modalitykd-").isEmpty(), "threads left: " + threads("modalitykd-"));
	}

	private static List<String> threads(String prefix) {
		return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
			.map(Thread::getName).toList();
	}

	@Test
	void aCroppedCaseGivesTheWholeCasesPatchesEverywhere() {
		TrainingCase c = wholeCases().get(0);
		TrainingCase cropped = crop(c);
		PatchSampler sampler = new PatchSampler(PATCH);
		for (int x = -17; x < 26; x += 3) {
			for (int y = -9; y < 22; y += 4) {
				for (int z = -8; z < 15; z += 3) {
					int[] o = { x, y, z };
					Patch a = sampler.extract(c, o);
					Patch b = sampler.extract(cropped, o);
					assertArrayEquals(a.image(), b.image());
					assertArrayEquals(a.classes(), b.classes());
				}
			}
		}
		assertArrayEquals(c.foreground(), cropped.foreground());
	}
}
