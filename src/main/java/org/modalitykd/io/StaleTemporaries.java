/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the temporary files that {@link AtomicFile} leaves in a folder when its process
 * is killed, and nothing else: only hidden {@code .<name>.<random>.part} files directly
 * in the folder, only when no process holds their lock. The same for the temporary
 * folders of {@link AtomicDirectory} (model bundles, checkpoints): a folder goes only
 * with its lock file {@code .<name>.<random>.lock}, when no process holds that lock; a
 * hidden folder without a lock file is never touched. A writer killed in the middle of
 * replacing a folder (the old one set aside as {@code .<name>.<random>.old}, the new
 * one not yet renamed) gets the old one put back under its name.
 *
 * <p>Why a lock and not an age or a process id: several processes may write into one
 * folder at once (batch shards on several cluster nodes sharing a file system), a case
 * can take longer than any fixed age, and a process id means nothing on another node or
 * in another PID namespace. A writer locks its temporary file from creation to rename
 * and the kernel drops the lock when the writer dies, however it dies; a file that can
 * be locked therefore has no live writer. The one gap is the instant between a writer
 * creating its file and locking it: the file is then still empty, so an empty file is
 * only removed once it has gone unmodified for {@link #GRACE_MILLIS}. Where the file
 * system supports no locks, nothing can be told apart and nothing is removed.
 */
public final class StaleTemporaries {

	/** How long an unlocked empty file must stay untouched to count as a leftover. */
	static final long GRACE_MILLIS = 2_000;

	private StaleTemporaries() {
	}

	/** What a clean-up did: the files removed, and those it could not check for a lock. */
	public record Outcome(List<Path> removed, List<Path> unchecked) {

		/** What a clean-up of {@code folder} removed, and what it could not check: a line each, none when nothing. */
		public List<String> report(Path folder) {
			List<String> lines = new ArrayList<>();
			if (!removed.isEmpty()) {
				lines.add(String.format("removed %d temporary file(s) left by a killed run in %s: %s", removed.size(), folder,
					names(removed)));
			}
			if (!unchecked.isEmpty()) {
				lines.add(String.format("kept %d temporary file(s) in %s that could not be checked for a live writer "
					+ "(no file locks here?): %s", unchecked.size(), folder, names(unchecked)));
			}
			return lines;
		}

		private static List<String> names(List<Path> paths) {
			return paths.stream().map(p -> p.getFileName().toString()).toList();
		}
	}

	/** Removes the leftovers of dead writers in {@code folder} (not in its sub-folders). */
	public static Outcome removeIn(Path folder) throws IOException {
		List<Path> removed = new ArrayList<>();
		List<Path> unchecked = new ArrayList<>();
		for (Path f : filesNamed(folder, AtomicFile.TEMP_NAME)) {
			switch (removeIfStale(f)) {
				case REMOVED -> removed.add(f);
				case UNCHECKED -> unchecked.add(f);
				case IN_USE -> {
					// another writer's file: left alone
				}
			}
		}
		for (Path lock : filesNamed(folder, AtomicDirectory.LOCK_NAME)) {
			removeFoldersIfStale(lock, removed, unchecked);
		}
		return new Outcome(List.copyOf(removed), List.copyOf(unchecked));
	}

	/** The regular files (not links) directly in {@code folder} whose names match {@code name}, absolute and sorted. */
	private static List<Path> filesNamed(Path folder, Pattern name) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> name.matcher(f.getFileName().toString()).matches())
				.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
				.map(f -> f.toAbsolutePath().normalize()).sorted().toList();
		}
	}

	/** The temporary folders of the {@link AtomicDirectory} that held {@code lockFile}. */
	private static void removeFoldersIfStale(Path lockFile, List<Path> removed, List<Path> unchecked) throws IOException {
		if (AtomicFile.IN_PROGRESS.contains(lockFile)) {
			return;
		}
		String lockName = lockFile.getFileName().toString();
		String base = lockName.substring(0, lockName.length() - ".lock".length());
		Path temp = lockFile.resolveSibling(base);
		Path old = lockFile.resolveSibling(base + ".old");
		Path target = lockFile.resolveSibling(base.substring(1, base.lastIndexOf('.')));
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return;
			}
			// A lock file is always empty: its writer may be between creating and locking it.
			long age = System.currentTimeMillis() - Files.getLastModifiedTime(lockFile).toMillis();
			if (age < GRACE_MILLIS) {
				lock.release();
				sleep(GRACE_MILLIS - age);
				if (channel.tryLock() == null) {
					return;
				}
			}
			// Everything below happens under the lock, so no writer can start on these names.
			if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
				if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
					AtomicDirectory.deleteTree(old);
				} else {
					// Killed between setting the old folder aside and renaming the new one: put it back.
					Files.move(old, target);
				}
				removed.add(old);
			}
			if (Files.isDirectory(temp, LinkOption.NOFOLLOW_LINKS)) {
				AtomicDirectory.deleteTree(temp);
				removed.add(temp);
			}
			Files.deleteIfExists(lockFile);
			removed.add(lockFile);
		} catch (NoSuchFileException | OverlappingFileLockException e) {
			// released or taken meanwhile
		} catch (IOException | UnsupportedOperationException e) {
			if (Files.isDirectory(temp, LinkOption.NOFOLLOW_LINKS)) {
				unchecked.add(temp);
			}
		}
	}

	private enum State { REMOVED, IN_USE, UNCHECKED }

	private static State removeIfStale(Path file) throws IOException {
		if (AtomicFile.IN_PROGRESS.contains(file)) {
			return State.IN_USE;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return State.IN_USE;
			}
			if (channel.size() == 0) {
				long age = System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
				if (age < GRACE_MILLIS) {
					// Maybe a writer between creating and locking its file: look again later.
					lock.release();
					sleep(GRACE_MILLIS - age);
					lock = channel.tryLock();
					if (lock == null) {
						return State.IN_USE;
					}
				}
			}
			// Deleted while this process holds the lock, so no writer can be using it.
			Files.deleteIfExists(file);
			return State.REMOVED;
		} catch (NoSuchFileException e) {
			return State.IN_USE; // renamed or removed by its writer meanwhile
		} catch (OverlappingFileLockException e) {
			return State.IN_USE;
		} catch (IOException | UnsupportedOperationException e) {
			return State.UNCHECKED;
		}
	}

	private static void sleep(long millis) throws IOException {
		try {
			Thread.sleep(Math.max(1, millis));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while checking temporary files", e);
		}
	}
}
