/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.io.IOException;

/** Where the normal anatomy of the synthetic cases comes from. */
public interface AnatomySource {

	/** Short name as the command line spells it, e.g. {@code colin27}. */
	String name();

	/** One line for the user: what was used, e.g. the files read. */
	String description();

	/** The anatomy at its native resolution. May take a second or two; call once and reuse the result. */
	TissueMaps tissues() throws IOException;

	/**
	 * The head around the brain (skull, scalp, fluid under the skull), which only CT
	 * shows, on the grid of {@code tissues}: what {@link #tissues()} returned.
	 */
	HeadMaps head(TissueMaps tissues) throws IOException;
}
