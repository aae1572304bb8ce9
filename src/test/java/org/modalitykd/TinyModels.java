/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.NetMode;
import org.modalitykd.net.UNet;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.VariableStore;
import org.modalitykd.net.Weights;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Untrained, seeded, tiny model bundles (3 levels, 4 filters, 16x16x8 windows) and small
 * noisy cases for the front-end tests: they exercise the real TensorFlow path in a
 * second or two. Also a main() for scripts (scripts/imagej-smoke): TinyModels DIR.
 */
public final class TinyModels {

	private TinyModels() {
	}

	/** Writes a bundle {@code dir/name} for {@code modalities} with {@code role}. */
	public static Path bundle(Path dir, String name, ModelRole role, List<String> modalities, long seed, double diceWt)
		throws IOException {
		return bundle(dir, name, role, modalities, seed, diceWt,
			new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO));
	}

	/** As above, with the card's intensity normalisation {@code norm} (e.g. hu-window for a CT model). */
	public static Path bundle(Path dir, String name, ModelRole role, List<String> modalities, long seed, double diceWt,
		ModelCard.IntensityNormalization norm) throws IOException {
		return bundle(dir, name, role, modalities, seed, diceWt, norm, 1);
	}

	/** As above, trained (the card says) at {@code spacing} mm, so that cases of that voxel size are not resampled. */
	public static Path bundle(Path dir, String name, ModelRole role, List<String> modalities, long seed, double diceWt,
		ModelCard.IntensityNormalization norm, double spacing) throws IOException {
		UNetConfig config = UNetConfig.defaults(modalities.size(), 4).withLevels(3).withBaseFilters(4);
		Weights w = untrainedWeights(config, seed);
		Path out = dir.resolve(name);
		ModelBundle.save(out, new ModelCard(ModelCard.FORMAT_VERSION, role, modalities, ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, norm, new int[] { 16, 16, 8 }, new double[] { spacing, spacing, spacing }, config,
			new ModelCard.Provenance(role == ModelRole.TEACHER ? "supervised" : "kd-net", Map.of(), "untrained test model",
				seed, 0, Map.of(), "2026-01-01T00:00:00Z"), Map.of("dice_wt", diceWt)), w);
		return out;
	}

	/** The initial weights of a U-Net {@code config}, drawn with {@code seed}, as a bundle stores them. */
	public static Weights untrainedWeights(UNetConfig config, long seed) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, "", seed);
			UNet.build(tf, config, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.TRAINING);
			return store.read(s);
		}
	}

	/** A models folder with "teacher" (all four modalities) and "student_t1" (T1 only). */
	public static Path teacherAndStudent(Path dir) throws IOException {
		Files.createDirectories(dir);
		bundle(dir, "teacher", ModelRole.TEACHER, List.of("t1", "t1ce", "t2", "flair"), 3, 0.8);
		bundle(dir, "student_t1", ModelRole.STUDENT, List.of("t1"), 5, 0.6);
		return dir;
	}

	/** A BraTS case folder {@code root/id} of noise around 100 with a bright box, 1 mm voxels. */
	public static Path noisyCase(Path root, String id, int nx, int ny, int nz, long seed) throws IOException {
		Path dir = Files.createDirectories(root.resolve(id));
		Geometry g = Geometry.axisAligned(nx, ny, nz, 1, 1, 1);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1).setPixdim(1, 1).setPixdim(2, 1).setPixdim(3, 1);
		Random r = new Random(seed);
		for (String m : List.of("t1", "t1ce", "t2", "flair")) {
			float[] v = new float[(int) g.voxelCount()];
			for (int i = 0; i < v.length; i++) {
				int x = i % nx;
				int y = i / nx % ny;
				boolean lesion = Math.abs(x - nx / 2) < nx / 5 && Math.abs(y - ny / 2) < ny / 5;
				v[i] = (lesion ? 300 : 100) + 20 * (float) r.nextGaussian();
			}
			new NiftiWriter().writeVolume(Volume.of(g, m, v), h, dir.resolve(id + "_" + m + ".nii.gz"));
		}
		return dir;
	}

	/** {@code TinyModels MODELS_DIR}: writes teacherAndStudent there. */
	public static void main(String[] args) throws IOException {
		teacherAndStudent(Path.of(args[0]));
	}
}
