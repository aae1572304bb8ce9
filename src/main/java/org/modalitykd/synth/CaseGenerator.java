package org.modalitykd.synth;

import java.util.List;
import java.util.SplittableRandom;

import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Makes synthetic cases on one reference anatomy: per case a random deformation of
 * the anatomy, one or two tumours, and the four modalities rendered from a contrast
 * table jittered a little per case. Everything random comes from the case's seed, so
 * a seed always gives the same case (transcendental functions are StrictMath's, the
 * same on every platform); instances hold no mutable state and may generate cases on
 * several threads at once.
 */
public final class CaseGenerator {

	/** Relative per-case variation of each tissue's mean intensity. */
	static final double CONTRAST_JITTER = 0.04;

	private final TissueMaps reference;
	private final TumourModel tumours;
	private final ContrastTable contrasts;
	private final double[] brainCentre;

	/**
	 * @param reference the anatomy on the output grid (e.g. {@code source.tissues().atSpacing(2)})
	 * @param tumours   what tumours to plant
	 * @param contrasts the contrast table to start each case from
	 */
	public CaseGenerator(TissueMaps reference, TumourSettings tumours, ContrastTable contrasts) {
		this.reference = reference;
		this.tumours = new TumourModel(tumours);
		this.contrasts = contrasts;
		this.brainCentre = brainCentre(reference);
	}

	/** With the standard contrast table. */
	public CaseGenerator(TissueMaps reference, TumourSettings tumours) {
		this(reference, tumours, ContrastTable.standard());
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
		Geometry grid = reference.geometry();

		TissueMaps tissues = RandomDeformation.sample(anatomyRandom, grid, brainCentre).warp(reference);
		byte[] labels = new byte[tissues.csf().length];
		TumourModel.Plan plan = tumours.plan(tumourRandom);
		List<Lesion> lesions = tumours.plant(plan, tissues, labels, tumourRandom);

		ContrastTable table = contrasts.jittered(imageRandom, CONTRAST_JITTER);
		double coreSolidity = plan.enhancing() ? 0.4 * imageRandom.nextDouble() : 1.0;
		float[][] images = new MriRenderer(table).render(tissues, labels, coreSolidity, imageRandom);
		return new SyntheticCase(id, seed, new Volume(grid, ContrastTable.MODALITIES, images),
			new LabelVolume(grid, labels), tissues, lesions, plan.enhancing());
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
