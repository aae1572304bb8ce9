/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An output file that appears under its name only when complete: bytes go to a hidden
 * temporary file beside the target, {@link #commit()} renames it into place, and
 * {@link #close()} without a commit deletes it. A crash, a full disk or an exception
 * therefore never leaves a half-written file under the target name.
 *
 * <pre>
 * try (AtomicFile out = AtomicFile.create(target)) {
 *     write(out.stream());
 *     out.commit();
 * }
 * </pre>
 */
public final class AtomicFile implements AutoCloseable {

	static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	/** The names of the temporary files: hidden, a random base-36 number, ".part". */
	static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9a-z]{1,13}\\.part");

	/**
	 * The temporary files this JVM is writing. A cleaner must not even open them: closing
	 * any descriptor of a file drops all of the process's POSIX locks on it, its writer's
	 * lock included.
	 */
	static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

	private final Path target;
	private final Path temp;
	private final FileChannel channel;
	private final OutputStream stream;
	private boolean prepared;
	private boolean committed;

	private AtomicFile(Path target, Path temp, FileChannel channel) {
		this.target = target;
		this.temp = temp;
		this.channel = channel;
		this.stream = new BufferedOutputStream(new KeepOpen(channel), 1 << 16);
	}

	/** Starts writing {@code target}; its folder must exist and be writable. */
	public static AtomicFile create(Path target) throws IOException {
		Path absolute = target.toAbsolutePath().normalize();
		Path dir = absolute.getParent();
		if (!Files.isDirectory(dir)) {
			throw new NiftiException(target, "cannot be written: the folder " + dir + " does not exist");
		}
		Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
		IN_PROGRESS.add(temp);
		FileChannel channel;
		try {
			// CREATE_NEW, unlike createTempFile (always 0600), honours the umask: outputs on a
			// shared file system stay readable by the group as any other file would be.
			channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		} catch (AccessDeniedException e) {
			IN_PROGRESS.remove(temp);
			throw new NiftiException(target, "cannot be written: no permission to write in " + dir, e);
		} catch (IOException e) {
			IN_PROGRESS.remove(temp);
			throw new NiftiException(target, "cannot be written in " + dir + ": " + e.getMessage(), e);
		}
		lock(channel);
		return new AtomicFile(absolute, temp, channel);
	}

	/**
	 * Takes the lock that marks the file as being written. Where the file system has no
	 * locks the file is written all the same: it then only looks in use to a cleaner,
	 * which leaves it alone (see {@link StaleTemporaries}).
	 */
	private static void lock(FileChannel channel) {
		try {
			FileLock lock = channel.tryLock();
			assert lock != null : "a file created a moment ago is locked by someone else";
		} catch (IOException | UnsupportedOperationException e) {
			// No locks here: written unlocked, never removed as stale.
		}
	}

	/** Writes {@code text} (UTF-8) to {@code target} atomically: all of it under that name, or nothing. */
	public static void writeString(Path target, String text) throws IOException {
		try (AtomicFile f = create(target)) {
			f.stream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			f.commit();
		}
	}

	/** Where to write; closing it (a gzip wrapper must be closed to finish) only flushes it. */
	public OutputStream stream() {
		return stream;
	}

	/** The name the file gets on {@link #commit()}. */
	Path target() {
		return target;
	}

	/**
	 * Flushes and syncs the temporary file without renaming it: after this only the
	 * rename is left, which needs no space on the disk ({@link OutputSet} prepares every
	 * file of a set before it renames the first).
	 */
	public void prepare() throws IOException {
		if (prepared) {
			return;
		}
		try {
			stream.flush();
			channel.force(false);
		} catch (IOException e) {
			throw new NiftiException(target, "could not be written completely (" + e.getMessage()
				+ "): is the disk full?", e);
		}
		prepared = true;
	}

	/**
	 * Flushes and syncs the temporary file, renames it to the target name, and only then
	 * closes it: the lock is held until the file has left its temporary name.
	 */
	public void commit() throws IOException {
		prepare();
		try {
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (NoSuchFileException e) {
			throw new NiftiException(target, "the temporary file vanished before it could be renamed", e);
		} catch (IOException e) {
			throw new NiftiException(target, Files.isDirectory(target)
				? "cannot be written: a folder has that name"
				: "could not be put in place (" + e + ")", e);
		}
		committed = true;
		IN_PROGRESS.remove(temp);
		channel.close();
	}

	/** Deletes the temporary file unless {@link #commit()} succeeded. */
	@Override
	public void close() throws IOException {
		if (!committed) {
			try {
				// Deleted while still locked, so no cleaner can take it for a leftover first.
				Files.deleteIfExists(temp);
			} finally {
				IN_PROGRESS.remove(temp);
				channel.close();
			}
		}
	}

	/**
	 * The channel as a stream whose close only flushes: callers close the stream (a gzip
	 * wrapper must be closed to finish), but the channel and its lock stay open until the
	 * file has been renamed.
	 */
	private static final class KeepOpen extends OutputStream {

		private final FileChannel channel;

		KeepOpen(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}

		@Override
		public void close() {
			// The AtomicFile closes the channel, after the rename.
		}
	}
}
