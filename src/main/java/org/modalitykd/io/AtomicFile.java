package org.modalitykd.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

	private final Path target;
	private final Path temp;
	private final OutputStream stream;
	private boolean committed;

	private AtomicFile(Path target, Path temp, OutputStream stream) {
		this.target = target;
		this.temp = temp;
		this.stream = stream;
	}

	/** Starts writing {@code target}; its folder must exist and be writable. */
	public static AtomicFile create(Path target) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path dir = absolute.getParent();
		if (!Files.isDirectory(dir)) {
			throw new NiftiException(target, "cannot be written: the folder " + dir + " does not exist");
		}
		Path temp;
		try {
			// createFile, unlike createTempFile (always 0600), honours the umask: outputs on a
			// shared file system stay readable by the group as any other file would be.
			temp = Files.createFile(dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part"));
		} catch (AccessDeniedException e) {
			throw new NiftiException(target, "cannot be written: no permission to write in " + dir, e);
		} catch (IOException e) {
			throw new NiftiException(target, "cannot be written in " + dir + ": " + e.getMessage(), e);
		}
		try {
			return new AtomicFile(absolute, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
		} catch (IOException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
	}

	/** Where to write; do not close it yourself (commit and close do). */
	public OutputStream stream() {
		return stream;
	}

	/** Flushes, closes and renames the temporary file to the target name. */
	public void commit() throws IOException {
		try {
			stream.close();
		} catch (IOException e) {
			throw new NiftiException(target, "could not be written completely (" + e.getMessage()
				+ "): is the disk full?", e);
		}
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
	}

	/** Deletes the temporary file unless {@link #commit()} succeeded. */
	@Override
	public void close() throws IOException {
		if (!committed) {
			try {
				stream.close();
			} catch (IOException ignored) {
				// The write already failed; what matters now is removing the partial file.
			} finally {
				Files.deleteIfExists(temp);
			}
		}
	}
}
