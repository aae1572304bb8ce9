/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

/**
 * The tissue classes the generator paints: three of normal brain, four of tumour. A
 * BraTS label maps to a tumour tissue: 2 to {@link #EDEMA}, 4 to {@link #ENHANCING},
 * 1 to {@link #NECROSIS} or {@link #NON_ENHANCING_CORE} (a case's core is a mix of the
 * two; an enhancement-free, low-grade-like core is all non-enhancing).
 */
public enum Tissue {
	CSF, GREY_MATTER, WHITE_MATTER, EDEMA, NECROSIS, NON_ENHANCING_CORE, ENHANCING
}
