/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Training batches, prepared on a background thread so that a TensorFlow step never
 * waits for sampling and augmentation.
 * <p>
 * The batch of step s depends only on the seed and s (its random source is derived from
 * both), never on what came before: a run resumed at step s sees exactly the batches an
 * uninterrupted run would have seen. In each batch the last {@code round(n * share)}
 * patches are forced to contain tumour.
 * <p>
 * <p>
 * The cases come from a {@link CaseCache}: before the producer computes the batch of
 * step s it names to the cache the cases of step s + 1, found by drawing what the batch
 * draws from the same random source without the voxel data ({@link #plan}), so that the
 * cache's prefetch thread reads them while this batch is cut. Which cases are held never
 * changes a batch: every draw depends on the seed, the step and the cases' shapes only.
 * <p>
 * One consumer thread calls {@link #next()}; {@link #close()} stops the producer (and
 * the cache's prefetch thread when this source made the cache).
 */
public final class BatchSource implements AutoCloseable {

	private static final Object END = new Object();

	private final CaseCache cases;
	private final boolean ownsCache;
	private final PatchSampler sampler;
	private final Augmentation augmentation;
	private final int batchSize;
	private final double tumourShare;
	private final long seed;
	private final BlockingQueue<Object> queue;
	private final Thread producer;
	private volatile boolean closed;

	/**
	 * @param firstStep the step of the first batch (0, or where a resumed run continues)
	 * @param prefetch  how many batches may wait ready (at least 1)
	 */
	public BatchSource(List<TrainingCase> cases, PatchSampler sampler, Augmentation augmentation, int batchSize,
		double tumourShare, long seed, long firstStep, int prefetch) {
		this(new CaseCache(CaseStore.of(cases), Long.MAX_VALUE, false), true, sampler, augmentation, batchSize, tumourShare,
			seed, firstStep, prefetch);
	}

	/**
	 * Batches of the cases in {@code cases}; closing this source leaves the cache open.
	 *
	 * @param firstStep the step of the first batch (0, or where a resumed run continues)
	 * @param prefetch  how many batches may wait ready (at least 1)
	 */
	public BatchSource(CaseCache cases, PatchSampler sampler, Augmentation augmentation, int batchSize,
		double tumourShare, long seed, long firstStep, int prefetch) {
		this(cases, false, sampler, augmentation, batchSize, tumourShare, seed, firstStep, prefetch);
	}

	private BatchSource(CaseCache cases, boolean ownsCache, PatchSampler sampler, Augmentation augmentation,
		int batchSize, double tumourShare, long seed, long firstStep, int prefetch) {
		if (cases.size() == 0) {
			throw new IllegalArgumentException("no training cases");
		}
		if (batchSize < 1 || prefetch < 1 || tumourShare < 0 || tumourShare > 1) {
			throw new IllegalArgumentException("batch size and prefetch must be positive and the tumour share in [0, 1]");
		}
		this.cases = cases;
		this.ownsCache = ownsCache;
		this.sampler = sampler;
		this.augmentation = augmentation;
		this.batchSize = batchSize;
		this.tumourShare = tumourShare;
		this.seed = seed;
		this.queue = new ArrayBlockingQueue<>(prefetch);
		this.producer = new Thread(() -> produce(firstStep), "modalitykd-batches");
		producer.setDaemon(true);
		producer.start();
	}

	/**
	 * The batch of step s, computed here on the calling thread.
	 *
	 * @throws UncheckedIOException when a case cannot be read
	 */
	public PatchBatch batch(long step) {
		SplittableRandom random = new SplittableRandom(mix(seed, step));
		int forced = (int) Math.round(batchSize * tumourShare);
		Patch[] patches = new Patch[batchSize];
		for (int n = 0; n < batchSize; n++) {
			TrainingCase c;
			try {
				c = cases.get(random.nextInt(cases.size()));
			} catch (IOException e) {
				throw new UncheckedIOException(e.getMessage(), e);
			}
			Patch p = sampler.sample(c, n >= batchSize - forced, random);
			patches[n] = augmentation.apply(p, random);
		}
		return pack(patches);
	}

	/**
	 * The cases the batch of step s reads, in order, found without reading any: the same
	 * draws as {@link #batch}, the patch cutting replaced by {@link PatchSampler#skipDraws}
	 * and the augmentation applied to a patch of two voxels a side (what it draws does not
	 * depend on the voxels). Empty when that cannot be done; a prefetch hint only.
	 */
	public List<Integer> plan(long step) {
		SplittableRandom random = new SplittableRandom(mix(seed, step));
		int forced = (int) Math.round(batchSize * tumourShare);
		List<Integer> out = new ArrayList<>(batchSize);
		try {
			int[] patch = sampler.size();
			// Square or not in-plane as the real patch, for the rotation's draw.
			int[] pilot = { 2, patch[0] == patch[1] ? 2 : 3, 2 };
			for (int n = 0; n < batchSize; n++) {
				int index = random.nextInt(cases.size());
				out.add(index);
				CaseStore.Shape shape = cases.store().shape(index);
				sampler.skipDraws(shape.grid(), shape.foreground(), n >= batchSize - forced, random);
				int channels = shape.channels();
				int voxels = pilot[0] * pilot[1] * pilot[2];
				augmentation.apply(new Patch(pilot, channels, new float[voxels * channels], new byte[voxels]), random);
			}
		} catch (RuntimeException e) {
			return List.of();
		}
		return out;
	}

	/** The next batch (of the step after the previous one), waiting for the producer if needed. */
	public PatchBatch next() throws InterruptedException {
		Object o = queue.take();
		if (o instanceof RuntimeException e) {
			throw e;
		}
		if (o instanceof Error e) {
			throw e;
		}
		if (o == END) {
			throw new IllegalStateException("the batch source is closed");
		}
		return (PatchBatch) o;
	}

	/** One batch of equally sized patches, each patch's channels and classes in turn. */
	static PatchBatch pack(Patch[] patches) {
		Patch first = patches[0];
		int voxels = first.voxels();
		int ch = first.channels();
		float[] images = new float[patches.length * voxels * ch];
		byte[] classes = new byte[patches.length * voxels];
		for (int n = 0; n < patches.length; n++) {
			System.arraycopy(patches[n].image(), 0, images, n * voxels * ch, voxels * ch);
			System.arraycopy(patches[n].classes(), 0, classes, n * voxels, voxels);
		}
		return PatchBatch.of(patches.length, ch, first.size(), images, classes);
	}

	private void produce(long firstStep) {
		try {
			for (long step = firstStep; !closed; step++) {
				cases.prefetch(plan(step + 1));
				queue.put(batch(step));
			}
		} catch (InterruptedException e) {
			// close() interrupts: nothing more to produce.
		} catch (RuntimeException | Error e) {
			queue.offer(e);
		}
	}

	@Override
	public void close() {
		closed = true;
		producer.interrupt();
		queue.clear();
		queue.offer(END);
		try {
			producer.join(10_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (ownsCache) {
			cases.close();
		}
	}

	/** SplitMix64-style mixing: neighbouring steps get unrelated streams. */
	static long mix(long seed, long step) {
		long z = seed + 0x9E3779B97F4A7C15L * (step + 1);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
