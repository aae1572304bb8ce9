/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.LUT;

class ImagePlusBridgeTest {

	private static final Affine OBLIQUE = Affine.ofRowMajor(
		0.0, -1.2, 0.0, 40,
		0.9, 0.0, 0.0, -20,
		0.0, 0.0, 3.0, 5,
		0, 0, 0, 1);
	private static final Geometry GRID = new Geometry(new int[] { 7, 5, 4 }, new double[] { 0.9, 1.2, 3.0 }, OBLIQUE);

	private static Volume randomCase() {
		SplittableRandom r = new SplittableRandom(3);
		List<String> names = List.of("t1", "t1ce", "t2", "flair");
		float[][] ch = new float[4][(int) GRID.voxelCount()];
		for (float[] c : ch) {
			for (int i = 0; i < c.length; i++) {
				c[i] = (float) r.nextGaussian() * 100;
			}
		}
		return new Volume(GRID, names, ch);
	}

	@Test
	void hyperstackHasANamedChannelPerModalityAndMillimetreCalibration() {
		Volume v = randomCase();
		ImagePlus imp = ImagePlusBridge.toHyperstack(v, "case");
		assertEquals(4, imp.getNChannels());
		assertEquals(4, imp.getNSlices());
		assertEquals(1, imp.getNFrames());
		assertEquals(7, imp.getWidth());
		assertEquals(5, imp.getHeight());
		assertEquals("mm", imp.getCalibration().getUnit());
		assertEquals(0.9, imp.getCalibration().pixelWidth, 1e-12);
		assertEquals(1.2, imp.getCalibration().pixelHeight, 1e-12);
		assertEquals(3.0, imp.getCalibration().pixelDepth, 1e-12);
		assertEquals("t1ce", imp.getStack().getSliceLabel(imp.getStackIndex(2, 1, 1)));
		// Pixel (x, y) of slice z, channel c is voxel (x, y, z) of that channel.
		for (int c = 0; c < 4; c++) {
			for (int z = 0; z < 4; z++) {
				var ip = imp.getStack().getProcessor(imp.getStackIndex(c + 1, z + 1, 1));
				for (int y = 0; y < 5; y++) {
					for (int x = 0; x < 7; x++) {
						assertEquals(v.get(c, x, y, z), ip.getf(x, y), 0);
					}
				}
			}
		}
	}

	@Test
	void volumeRoundTripIsExactIncludingTheObliqueAffine() {
		Volume v = randomCase();
		Volume back = ImagePlusBridge.toVolume(ImagePlusBridge.toHyperstack(v, "case"));
		assertEquals(v.channelNames(), back.channelNames());
		assertEquals(v.geometry(), back.geometry());
		for (int c = 0; c < 4; c++) {
			assertArrayEquals(v.channel(c), back.channel(c));
		}
	}

	@Test
	void anImageFromElsewhereGetsGeometryFromItsCalibrationAndNamesFromSliceLabels() {
		ImageStack stack = new ImageStack(3, 2);
		for (int z = 0; z < 2; z++) {
			for (String name : new String[] { "T1", "FLAIR" }) {
				stack.addSlice(name, new FloatProcessor(3, 2, new float[] { z, 1, 2, 3, 4, 5 }));
			}
		}
		ImagePlus imp = new ImagePlus("from Bio-Formats", stack);
		imp.setDimensions(2, 2, 1);
		imp.getCalibration().setUnit("cm");
		imp.getCalibration().pixelWidth = 0.1;
		imp.getCalibration().pixelHeight = 0.2;
		imp.getCalibration().pixelDepth = 0.5;
		Volume v = ImagePlusBridge.toVolume(imp);
		assertEquals(List.of("T1", "FLAIR"), v.channelNames());
		assertArrayEquals(new double[] { 1, 2, 5 }, v.geometry().spacing(), 1e-12);
		assertEquals(1f, v.get(1, 0, 0, 1));
	}

	@Test
	void labelsBecomeAnEightBitStackWithBratsColoursAndBack() {
		byte[] labels = new byte[(int) GRID.voxelCount()];
		int[] brats = { 0, 1, 2, 4 };
		for (int i = 0; i < labels.length; i++) {
			labels[i] = (byte) brats[(i * 7) % 4];
		}
		LabelVolume l = new LabelVolume(GRID, labels);
		ImagePlus imp = ImagePlusBridge.toLabelImage(l, "seg");
		assertEquals(8, imp.getBitDepth());
		assertEquals(4, imp.getNSlices());
		LUT lut = imp.getProcessor().getLut();
		assertEquals(255, lut.getRed(1));
		assertEquals(0, lut.getGreen(1));
		assertTrue(lut.getGreen(2) > 0 && lut.getRed(2) == 0);
		assertTrue(lut.getRed(4) > 200 && lut.getGreen(4) > 200 && lut.getBlue(4) == 0);
		LabelVolume back = ImagePlusBridge.toLabelVolume(imp);
		assertArrayEquals(labels, back.labels());
		assertEquals(GRID, back.geometry());
	}

	@Test
	void timeSeriesAndRgbAreRefusedWithAClearMessage() {
		ImageStack stack = new ImageStack(2, 2);
		stack.addSlice(new FloatProcessor(2, 2));
		stack.addSlice(new FloatProcessor(2, 2));
		ImagePlus imp = new ImagePlus("movie", stack);
		imp.setDimensions(1, 1, 2);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImagePlusBridge.toVolume(imp));
		assertTrue(e.getMessage().contains("time frames"), e.getMessage());
	}
}
