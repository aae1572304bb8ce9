/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * A folder that appears under its name only when complete (model bundles,
 * checkpoints): files go to a hidden temporary folder beside the target, {@link
 * #commit()} renames it into place (an older folder of that name is moved aside
 * first and deleted after), and {@link #close()} without a commit deletes it.
 * <p>
 * As an {@link AtomicFile} holds a lock on its temporary file, the writer holds a lock
 * on a hidden lock file beside its folders ({@code .<name>.<random>.lock} for the
 * temporary {@code .<name>.<random>} and the set-aside {@code .<name>.<random>.old})
 * from before it creates them until they are gone, so {@link StaleTemporaries} can tell
 * the leftovers of a killed writer from the folders of a live one.
 *
 * <pre>
 * try (AtomicDirectory out = AtomicDirectory.create(target)) {
 *     write(out.path());
 *     out.commit();
 * }
 * </pre>
 */
public final class AtomicDirectory implements AutoCloseable {

	/**
	 * The names of the lock files, {@code .<name>.<random>.lock}; the group is the name of
	 * the temporary folder, which gets ".old" for the older folder set aside on commit.
	 */
	static final Pattern LOCK_NAME = Pattern.compile("(\\..+\\.[0-9a-z]{1,13})\\.lock");

	private final Path target;
	private final Path temp;
	private final Path lockFile;
	private final FileChannel lock;
	private boolean committed;
	private boolean released;

	private AtomicDirectory(Path target, Path temp, Path lockFile, FileChannel lock) {
		this.target = target;
		this.temp = temp;
		this.lockFile = lockFile;
		this.lock = lock;
	}

	/** Starts writing {@code target}; its parent folder is created if needed. */
	public static AtomicDirectory create(Path target) throws IOException {
		Path absolute = target.toAbsolutePath().normalize();
		Path parent = absolute.getParent();
		Files.createDirectories(parent);
		String base = "." + absolute.getFileName() + "." + Long.toUnsignedString(AtomicFile.RANDOM.nextLong(), 36);
		// The lock first, the folder after: a folder without a held lock is never a live writer's.
		Path lockFile = parent.resolve(base + ".lock");
		AtomicFile.IN_PROGRESS.add(lockFile);
		FileChannel lock;
		try {
			lock = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		} catch (IOException e) {
			AtomicFile.IN_PROGRESS.remove(lockFile);
			throw e;
		}
		try {
			lock.tryLock();
		} catch (IOException | UnsupportedOperationException e) {
			// No locks here: written unlocked, never removed as stale.
		}
		try {
			// createDirectory, unlike createTempDirectory (always 0700), honours the umask, so a
			// model shared on a group file system stays readable as any other folder would.
			Path temp = Files.createDirectory(parent.resolve(base));
			return new AtomicDirectory(absolute, temp, lockFile, lock);
		} catch (IOException | RuntimeException e) {
			release(lockFile, lock);
			throw e;
		}
	}

	/** The temporary folder to write into. */
	public Path path() {
		return temp;
	}

	/** Renames the temporary folder to the target name, replacing an older one. */
	public void commit() throws IOException {
		Path old = null;
		if (Files.exists(target)) {
			old = temp.resolveSibling(temp.getFileName() + ".old");
			move(target, old);
		}
		try {
			move(temp, target);
		} catch (IOException e) {
			if (old != null) {
				// The new folder could not take the name: the old one gets it back.
				try {
					move(old, target);
				} catch (IOException back) {
					e.addSuppressed(back);
				}
			}
			throw e;
		}
		committed = true;
		try {
			if (old != null) {
				deleteTree(old);
			}
		} finally {
			releaseOnce();
		}
	}

	/** Deletes the lock file while still holding its lock, then lets go of it. */
	private void releaseOnce() throws IOException {
		if (!released) {
			released = true;
			release(lockFile, lock);
		}
	}

	private static void release(Path lockFile, FileChannel lock) throws IOException {
		try {
			Files.deleteIfExists(lockFile);
		} finally {
			AtomicFile.IN_PROGRESS.remove(lockFile);
			lock.close();
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to);
		}
	}

	/** Deletes the temporary folder unless {@link #commit()} succeeded. */
	@Override
	public void close() throws IOException {
		try {
			if (!committed) {
				deleteTree(temp);
			}
		} finally {
			releaseOnce();
		}
	}

	/** Deletes a folder and everything in it (no links followed). */
	public static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		Files.walkFileTree(dir, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
				Files.delete(d);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
