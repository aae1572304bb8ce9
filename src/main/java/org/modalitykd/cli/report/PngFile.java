/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.modalitykd.io.AtomicFile;

/** Pictures for a person (montages, overlays, charts), written atomically as PNG. */
public final class PngFile {

	private PngFile() {
	}

	public static void write(Path target, BufferedImage image) throws IOException {
		try (AtomicFile file = AtomicFile.create(target)) {
			if (!ImageIO.write(image, "png", file.stream())) {
				throw new IOException("no PNG writer available in this Java");
			}
			file.commit();
		}
	}
}
