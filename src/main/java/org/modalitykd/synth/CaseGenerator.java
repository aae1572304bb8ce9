/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.modalitykd.io.Modalities;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Makes synthetic cases on one reference anatomy: per case a random deformation of
 * the anatomy, one or two tumours, and the four MRI modalities rendered from a
 * contrast table jittered per case, each varying as far as its
 * {@link GeneratorSettings} say, and on request a head CT of the same anatomy and
 * tumour. Asking for CT, or for fewer modalities, changes nothing in the
 * others: the CT draws from a stream of its own. Everything random comes from the case's seed, so
 * a seed always gives the same case (transcendental functions are StrictMath's, the
 * same on every platform); instances hold no mutable state and may generate cases on
 * several threads at once.
 */
public final class CaseGenerator {

	private final TissueMaps reference;
	private final TumourModel tumours;
	private final GeneratorSettings settings;
	private final double[] brainCentre;
	private final HeadMaps head;
	private final List<String> modalities;
	private final HounsfieldTable hounsfield = HounsfieldTable.standard();

	/**
	 * @param reference the anatomy on the output grid (e.g. {@code source.tissues().atSpacing(2)})
	 * @param tumours   what tumours to plant
	 * @param contrasts the contrast table to start each case from
	 */
	public CaseGenerator(TissueMaps reference, TumourSettings tumours, ContrastTable contrasts) {
		this(reference, null, GeneratorSettings.standard().withTumours(tumours).withContrasts(contrasts),
			ContrastTable.MODALITIES);
	}

	/**
	 * The four MRI modalities, with {@code settings} (e.g. {@link GeneratorSettings#shifted()}).
	 *
	 * @param reference the anatomy on the output grid (e.g. {@code source.tissues().atSpacing(2)})
	 */
	public CaseGenerator(TissueMaps reference, GeneratorSettings settings) {
		this(reference, null, settings, ContrastTable.MODALITIES);
	}

	/**
	 * @param head       the skull and scalp on the same grid (e.g. {@code source.head(tissues).atSpacing(2)});
	 *                   needed for {@code ct}, else may be null
	 * @param modalities which images each case gets, in this order: any of t1, t1ce, t2, flair
	 *                   and {@link Modalities#CT}
	 */
	public CaseGenerator(TissueMaps reference, HeadMaps head, TumourSettings tumours, List<String> modalities) {
		this(reference, head, GeneratorSettings.standard().withTumours(tumours), modalities);
	}

	/**
	 * @param head       the skull and scalp on the same grid; needed for {@code ct}, else may be null
	 * @param settings   how the cases vary (contrasts, acquisition, warp, tumours)
	 * @param modalities which images each case gets, in this order: any of t1, t1ce, t2, flair
	 *                   and {@link Modalities#CT}
	 */
	public CaseGenerator(TissueMaps reference, HeadMaps head, GeneratorSettings settings, List<String> modalities) {
		checkModalities(modalities);
		if (modalities.contains(Modalities.CT)) {
			if (head == null) {
				throw new IllegalArgumentException("a CT needs the head around the brain (skull, scalp)");
			}
			if (!head.geometry().sameGrid(reference.geometry(), Geometry.DEFAULT_TOLERANCE_MM)) {
				throw new IllegalArgumentException("the head is on " + head.geometry().describe() + ", the brain on "
					+ reference.geometry().describe());
			}
		}
		this.reference = reference;
		this.tumours = new TumourModel(settings.tumours());
		this.settings = settings;
		this.brainCentre = brainCentre(reference);
		this.head = head;
		this.modalities = List.copyOf(modalities);
	}

	/** With the standard contrast table. */
	public CaseGenerator(TissueMaps reference, TumourSettings tumours) {
		this(reference, GeneratorSettings.standard().withTumours(tumours));
	}

	/** How the cases vary. */
	public GeneratorSettings settings() {
		return settings;
	}

	/** The grid every case is generated on. */
	public Geometry grid() {
		return reference.geometry();
	}

	public SyntheticCase generate(String id, long seed) {
		SplittableRandom root = new SplittableRandom(seed);
		// One independent stream per stage: changing how one stage draws leaves the others alone.
		SplittableRandom anatomyRandom = root.split();
		SplittableRandom tumourRandom = root.split();
		SplittableRandom imageRandom = root.split();
		SplittableRandom ctRandom = root.split();
		// Split last, so that the streams above are those of the generator before settings had a gamma.
		SplittableRandom gammaRandom = root.split();
		Geometry grid = reference.geometry();

		RandomDeformation deformation = RandomDeformation.sample(anatomyRandom, grid, brainCentre,
			settings.deformationScale());
		TissueMaps tissues = deformation.warp(reference);
		byte[] labels = new byte[tissues.csf().length];
		TumourModel.Plan plan = tumours.plan(tumourRandom);
		List<Lesion> lesions = tumours.plant(plan, tissues, labels, tumourRandom);

		ContrastTable table = settings.contrasts().jittered(imageRandom, settings.contrastJitter());
		if (settings.contrastGamma() != 1) {
			table = table.withGamma(gammaRandom, settings.contrastGamma());
		}
		double coreSolidity = plan.enhancing() ? 0.4 * imageRandom.nextDouble() : 1.0;
		List<float[]> images = new ArrayList<>();
		float[][] mri = modalities.stream().anyMatch(ContrastTable.MODALITIES::contains)
			? new MriRenderer(table, settings).render(tissues, labels, coreSolidity, imageRandom)
			: null;
		HeadMaps caseHead = null;
		float[] ct = null;
		if (modalities.contains(Modalities.CT)) {
			caseHead = deformation.warp(head);
			ct = new CtRenderer(hounsfield.jittered(ctRandom, CtRenderer.JITTER_HU, CtRenderer.BONE_JITTER))
				.render(tissues, caseHead, labels, coreSolidity, ctRandom);
		}
		for (String m : modalities) {
			images.add(Modalities.CT.equals(m) ? ct : mri[ContrastTable.MODALITIES.indexOf(m)]);
		}
		return new SyntheticCase(id, seed, new Volume(grid, modalities, images.toArray(float[][]::new)),
			new LabelVolume(grid, labels), tissues, lesions, plan.enhancing(), caseHead);
	}

	/**
	 * @throws IllegalArgumentException unless {@code modalities} names, once each, one or
	 *                                  more of t1, t1ce, t2, flair and ct
	 */
	public static void checkModalities(List<String> modalities) {
		if (modalities.isEmpty()) {
			throw new IllegalArgumentException("choose at least one modality to generate");
		}
		for (String m : modalities) {
			if (!ContrastTable.MODALITIES.contains(m) && !Modalities.CT.equals(m)) {
				throw new IllegalArgumentException("cannot generate '" + m + "'; choose from "
					+ String.join(", ", ContrastTable.MODALITIES) + ", " + Modalities.CT);
			}
		}
		if (modalities.stream().distinct().count() != modalities.size()) {
			throw new IllegalArgumentException("a modality is named twice in " + modalities);
		}
	}

	/** The images each case gets, in order. */
	public List<String> modalities() {
		return modalities;
	}

	private static double[] brainCentre(TissueMaps t) {
		Geometry g = t.geometry();
		double[] sum = new double[3];
		double weight = 0;
		int nx = g.nx();
		int ny = g.ny();
		for (int p = 0; p < t.csf().length; p++) {
			double b = t.brain(p);
			if (b > 0) {
				sum[0] += b * (p % nx);
				sum[1] += b * ((p / nx) % ny);
				sum[2] += b * (p / (nx * ny));
				weight += b;
			}
		}
		if (weight == 0) {
			throw new IllegalArgumentException("the anatomy holds no brain");
		}
		return g.affine().apply(sum[0] / weight, sum[1] / weight, sum[2] / weight);
	}
}
