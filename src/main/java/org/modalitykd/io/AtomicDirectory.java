package org.modalitykd.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A folder that appears under its name only when complete (model bundles,
 * checkpoints): files go to a hidden temporary folder beside the target, {@link
 * #commit()} renames it into place (an older folder of that name is moved aside
 * first and deleted after), and {@link #close()} without a commit deletes it.
 *
 * <pre>
 * try (AtomicDirectory out = AtomicDirectory.create(target)) {
 *     write(out.path());
 *     out.commit();
 * }
 * </pre>
 */
public final class AtomicDirectory implements AutoCloseable {

	private final Path target;
	private final Path temp;
	private boolean committed;

	private AtomicDirectory(Path target, Path temp) {
		this.target = target;
		this.temp = temp;
	}

	/** Starts writing {@code target}; its parent folder is created if needed. */
	public static AtomicDirectory create(Path target) throws IOException {
		Path absolute = target.toAbsolutePath().normalize();
		Path parent = absolute.getParent();
		Files.createDirectories(parent);
		// createDirectory, unlike createTempDirectory (always 0700), honours the umask, so a
		// model shared on a group file system stays readable as any other folder would.
		Path temp = Files.createDirectory(parent.resolve("." + absolute.getFileName() + "."
			+ Long.toUnsignedString(AtomicFile.RANDOM.nextLong(), 36)));
		return new AtomicDirectory(absolute, temp);
	}

	/** The temporary folder to write into. */
	public Path path() {
		return temp;
	}

	/** Renames the temporary folder to the target name, replacing an older one. */
	public void commit() throws IOException {
		Path old = null;
		if (Files.exists(target)) {
			old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
			Files.delete(old);
			move(target, old);
		}
		move(temp, target);
		committed = true;
		if (old != null) {
			deleteTree(old);
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
		if (!committed) {
			deleteTree(temp);
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
