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

	/**
	 * {@inheritDoc} The windows are copied into TensorFlow once and transposed to NDHWC
	 * once; each mirroring is a reverse of that tensor inside TensorFlow, and the
	 * mirrored-back probabilities are summed there, so one array comes back (overwritten
	 * by the next call). The sum runs over the mirrorings in {@link SlidingWindow#allFlips()}
	 * order and is scaled by 1/8 (exact in float32).
	 */
	@Override
	public float[] predictMirrored(float[] patches, int count, int[] size) {
		List<AutoCloseable> open = new ArrayList<>();
		try {
			TFloat32 planar = Tensors.floats(new long[] { count, channels(), size[2], size[1], size[0] }, patches);
			open.add(planar);
			TInt32 none = TInt32.vectorOf();
			open.add(none);
			TInt32 slot = bundle.normSlotName() == null ? null : TInt32.scalarOf(normSlot);
			if (slot != null) {
				open.add(slot);
			}
			Session session = bundle.session();
			Result image = session.runner().feed(adapter.planar(), planar).feed(adapter.flipAxes(), none)
				.fetch(adapter.toModelInput()).run();
			open.add(image);
			Result sum = null;
			try {
				for (boolean[] flip : SlidingWindow.allFlips()) {
					try (TInt32 axes = TInt32.vectorOf(flipAxes(flip));
						Result mirrored = flipAxes(flip).length == 0 ? null
							: session.runner().feed(adapter.image(), image.get(0)).feed(adapter.flipAxes(), axes)
								.fetch(adapter.mirrored()).run()) {
						Session.Runner run = session.runner()
							.feed(bundle.inputName(), mirrored == null ? image.get(0) : mirrored.get(0))
							.feed(adapter.flipAxes(), axes);
						if (sum == null) {
							run.fetch(adapter.fromModelOutput());
						} else {
							run.feed(adapter.probabilitySum(), sum.get(0)).fetch(adapter.accumulated());
						}
						if (slot != null) {
							run.feed(bundle.normSlotName(), slot);
						}
						Result next = run.run();
						if (sum != null) {
							sum.close();
						}
						sum = next;
					}
				}
				int n = Math.toIntExact(sum.get(0).shape().size());
				if (output.length != n) {
					output = new float[n];
				}
				Tensors.copy(sum.get(0), output);
			} finally {
				if (sum != null) {
					sum.close();
				}
			}
			for (int i = 0; i < output.length; i++) {
				output[i] *= 0.125f;
			}
			return output;
		} catch (TFResourceExhaustedException e) {
			throw new OutOfMemory(count + " windows of " + size[0] + "x" + size[1] + "x" + size[2]
				+ " (8 mirrorings) do not fit in the device's memory", e);
		} finally {
			for (AutoCloseable c : open) {
				try {
					c.close();
				} catch (Exception e) {
					// Tensors and results do not throw on close.
				}
			}
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
