/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A batch shard's status CSV, kept whole across kills: each line is appended with one
 * write of the complete line (a process killed with SIGKILL either wrote it or did not;
 * the kernel does not stop a write to a regular file half way), and opening the log
 * again cuts off a torn last line that only a crash of the machine or the file system
 * could leave. Appending, not rewriting, keeps the history of every run of a resumed
 * cohort, and costs the same for the thousandth case as for the first.
 */
final class StatusLog {

	private final Path file;

	private StatusLog(Path file) {
		this.file = file;
	}

	/** The log after opening {@code file}, and what was repaired, if anything. */
	record Opened(StatusLog log, Optional<String> repair) {
	}

	/** Opens or creates the log; a log without its header gets it, a torn last line is dropped. */
	static Opened open(Path file, String header) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
			StandardOpenOption.WRITE)) {
			long size = ch.size();
			Optional<String> repair = Optional.empty();
			if (size > 0) {
				long keep = endOfLastLine(ch);
				if (keep < size) {
					ByteBuffer torn = ByteBuffer.allocate((int) Math.min(size - keep, 200));
					ch.read(torn, keep);
					repair = Optional.of("dropped a torn last line of " + file.getFileName() + ": \""
						+ new String(torn.array(), 0, torn.position(), StandardCharsets.UTF_8) + "\"");
					ch.truncate(keep);
				}
			}
			if (ch.size() == 0) {
				write(ch, header + "\n");
			}
			return new Opened(new StatusLog(file), repair);
		}
	}

	/** Appends one line (without its newline) in one write. */
	void append(String line) throws IOException {
		if (line.contains("\n") || line.contains("\r")) {
			throw new IllegalArgumentException("a status line must be one line: " + line);
		}
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND)) {
			write(ch, line + "\n");
		}
	}

	/** The offset just after the last newline, 0 if there is none. */
	private static long endOfLastLine(FileChannel ch) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(8192);
		for (long end = ch.size(); end > 0;) {
			long start = Math.max(0, end - b.capacity());
			b.clear().limit((int) (end - start));
			while (b.hasRemaining() && ch.read(b, start + b.position()) >= 0) {
				// read the whole block
			}
			for (int i = (int) (end - start) - 1; i >= 0; i--) {
				if (b.get(i) == '\n') {
					return start + i + 1;
				}
			}
			end = start;
		}
		return 0;
	}

	private static void write(FileChannel ch, String text) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
		while (b.hasRemaining()) {
			ch.write(b);
		}
	}
}
