/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The cases of a {@link CaseStore} that stay in memory: at most {@code budgetBytes} of
 * them, the least recently used going first, and a background thread that reads the
 * cases named by {@link #prefetch} before they are asked for, so that a caller finds
 * them ready when the cache is warm.
 * <p>
 * What the cache holds never changes what {@link #get} returns, only how long it takes:
 * a case is the same whether it was cached, prefetched or read on the spot. A case
 * larger than the budget is read each time it is needed and not kept. {@link #close()}
 * stops the prefetch thread and waits for it.
 */
public final class CaseCache implements AutoCloseable {

	private final CaseStore store;
	private final long budgetBytes;
	private final LinkedHashMap<Integer, TrainingCase> held = new LinkedHashMap<>(16, 0.75f, true);
	private final Set<Integer> loading = new HashSet<>();
	private final Deque<Integer> wanted = new ArrayDeque<>();
	private final Thread prefetcher;
	private long heldBytes;
	private long peakBytes;
	private int loads;
	private boolean closed;

	/**
	 * @param budgetBytes what the held cases may take in memory, 0 to hold none
	 * @param prefetch    whether a background thread reads the cases named by {@link #prefetch}
	 */
	public CaseCache(CaseStore store, long budgetBytes, boolean prefetch) {
		if (budgetBytes < 0) {
			throw new IllegalArgumentException("the cache size must be 0 or more, got " + budgetBytes);
		}
		this.store = store;
		this.budgetBytes = budgetBytes;
		// With nothing held a prefetched case would be dropped at once.
		if (prefetch && budgetBytes > 0) {
			prefetcher = new Thread(this::prefetchLoop, "modalitykd-prefetch");
			prefetcher.setDaemon(true);
			prefetcher.start();
		} else {
			prefetcher = null;
		}
	}

	/** Bytes for {@code megabytes} MB (MiB), the unit of the cache-size option. */
	public static long bytesOfMb(long megabytes) {
		return megabytes * 1024 * 1024;
	}

	public CaseStore store() {
		return store;
	}

	public int size() {
		return store.size();
	}

	/**
	 * Case {@code index}: from memory, or read now (by this thread, or waiting for the
	 * prefetch thread when it is reading that case already).
	 *
	 * @throws IOException when the case cannot be read ({@link InterruptedIOException}
	 *                     when this thread is interrupted while waiting)
	 */
	public TrainingCase get(int index) throws IOException {
		synchronized (this) {
			while (true) {
				TrainingCase c = held.get(index);
				if (c != null) {
					return c;
				}
				if (!loading.contains(index)) {
					break;
				}
				try {
					wait();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("interrupted while a case was read");
				}
			}
			loading.add(index);
		}
		return loadAndKeep(index);
	}

	private TrainingCase loadAndKeep(int index) throws IOException {
		TrainingCase c = null;
		try {
			c = store.load(index);
			return c;
		} finally {
			synchronized (this) {
				loading.remove(index);
				if (c != null) {
					loads++;
					keep(index, c);
				}
				notifyAll();
			}
		}
	}

	/** Holds {@code c} if it fits the budget, dropping the least recently used cases to make room. */
	private void keep(int index, TrainingCase c) {
		long b = c.bytes();
		if (b > budgetBytes || closed) {
			return;
		}
		var it = held.entrySet().iterator();
		while (heldBytes + b > budgetBytes && it.hasNext()) {
			heldBytes -= it.next().getValue().bytes();
			it.remove();
		}
		held.put(index, c);
		heldBytes += b;
		peakBytes = Math.max(peakBytes, heldBytes);
	}

	/**
	 * Names the cases to read ahead, in the order they will be needed; replaces the
	 * earlier list. Without a prefetch thread this does nothing.
	 */
	public synchronized void prefetch(Collection<Integer> indices) {
		if (prefetcher == null) {
			return;
		}
		wanted.clear();
		wanted.addAll(indices);
		notifyAll();
	}

	private void prefetchLoop() {
		while (true) {
			int index;
			synchronized (this) {
				while (!closed && (wanted.isEmpty() || held.containsKey(wanted.peekFirst())
					|| loading.contains(wanted.peekFirst()))) {
					if (!wanted.isEmpty()) {
						wanted.removeFirst();
						continue;
					}
					try {
						wait();
					} catch (InterruptedException e) {
						return;
					}
				}
				if (closed) {
					return;
				}
				index = wanted.removeFirst();
				loading.add(index);
			}
			try {
				loadAndKeep(index);
			} catch (IOException | RuntimeException e) {
				// The reader that needs the case reads it again and reports what is wrong.
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
			}
		}
	}

	/** Cases read from the store so far (by either thread). */
	public synchronized int loads() {
		return loads;
	}

	/** Bytes of the cases held now. */
	public synchronized long heldBytes() {
		return heldBytes;
	}

	/** The most bytes held at once. */
	public synchronized long peakBytes() {
		return peakBytes;
	}

	/** How many cases are held now. */
	public synchronized int heldCases() {
		return held.size();
	}

	public long budgetBytes() {
		return budgetBytes;
	}

	/** Whether the prefetch thread is running. */
	public boolean prefetching() {
		return prefetcher != null && prefetcher.isAlive();
	}

	/** Stops the prefetch thread, waits for it, and lets go of the held cases. */
	@Override
	public void close() {
		synchronized (this) {
			closed = true;
			wanted.clear();
			held.clear();
			heldBytes = 0;
			notifyAll();
		}
		if (prefetcher != null) {
			prefetcher.interrupt();
			try {
				prefetcher.join(10_000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized String toString() {
		return held.size() + " of " + store.size() + " cases held, " + heldBytes + " of " + budgetBytes + " bytes";
	}

	Map<Integer, TrainingCase> heldForTest() {
		return Map.copyOf(held);
	}
}
