/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.util.ArrayList;
import java.util.List;

import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.PlanarAdapter;
import org.modalitykd.net.Tensors;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFResourceExhaustedException;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Runs a loaded {@link ModelBundle} on patches. The channel interleaving and the
 * mirroring happen in the graph ({@link PlanarAdapter}); Java copies whole blocks.
 * Does not own the bundle. Not thread-safe: it reuses its output array (one per
 * sliding window; the session itself may be shared).
 */
public final class TfPatchPredictor implements PatchPredictor {

	private final ModelBundle bundle;
	private final PlanarAdapter adapter;
	private final int normSlot;
	/** The last call's output, reused when the next call has the same size: a 2-window batch returns 28 MB per call. */
	private float[] output = new float[0];

	/**
	 * @param normSlot the per-modality normalisation slot ({@link ModelBundle#normSlotOf}),
	 *                 0 for a shared-normalisation model
	 */
	public TfPatchPredictor(ModelBundle bundle, int normSlot) {
		this.bundle = bundle;
		this.adapter = bundle.planarAdapter();
		this.normSlot = normSlot;
	}

	@Override
	public int channels() {
		return bundle.card().architecture().inputChannels();
	}

	@Override
	public int classes() {
		return bundle.card().architecture().classes();
	}

	/** {@inheritDoc} The array returned is overwritten by the next call. */
	@Override
	public float[] predict(float[] patches, int count, int[] size, boolean[] flip) {
		List<Tensor> open = new ArrayList<>();
		try {
			TFloat32 planar = Tensors.floats(new long[] { count, channels(), size[2], size[1], size[0] }, patches);
			open.add(planar);
			TInt32 axes = TInt32.vectorOf(flipAxes(flip));
			open.add(axes);
			Session session = bundle.session();
			try (Result prepared = session.runner().feed(adapter.planar(), planar).feed(adapter.flipAxes(), axes)
				.fetch(adapter.toModelInput()).run()) {
				Session.Runner run = session.runner().feed(bundle.inputName(), prepared.get(0))
					.feed(adapter.flipAxes(), axes).fetch(adapter.fromModelOutput());
				if (bundle.normSlotName() != null) {
					TInt32 slot = TInt32.scalarOf(normSlot);
					open.add(slot);
					run.feed(bundle.normSlotName(), slot);
				}
				try (Result r = run.run()) {
					int n = Math.toIntExact(r.get(0).shape().size());
					if (output.length != n) {
						output = new float[n];
					}
					Tensors.copy(r.get(0), output);
					return output;
				}
			}
		} catch (TFResourceExhaustedException e) {
			throw new OutOfMemory(count + " windows of " + size[0] + "x" + size[1] + "x" + size[2]
				+ " do not fit in the device's memory", e);
		} finally {
			open.forEach(Tensor::close);
		}
	}

	/** {x, y, z} flags to NDHWC axes (x = 3, y = 2, z = 1). */
	static int[] flipAxes(boolean[] flip) {
		int n = 0;
		int[] axes = new int[3];
		for (int d = 0; d < 3; d++) {
			if (flip[d]) {
				axes[n++] = 3 - d;
			}
		}
		return java.util.Arrays.copyOf(axes, n);
	}
}
