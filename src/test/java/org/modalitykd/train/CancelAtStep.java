/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.ArrayList;
import java.util.List;

/** Records every step a training reports and asks it to stop once step {@code last} is done (tests only). */
public final class CancelAtStep implements TrainingListener {

	private final long last;
	private final List<Long> seen = new ArrayList<>();

	public CancelAtStep(long last) {
		this.last = last;
	}

	@Override
	public void stepDone(StepResult r, long steps) {
		seen.add(r.step());
	}

	@Override
	public boolean cancelRequested() {
		return !seen.isEmpty() && seen.get(seen.size() - 1) >= last;
	}

	/** The steps heard, in order. */
	public List<Long> seen() {
		return seen;
	}
}
