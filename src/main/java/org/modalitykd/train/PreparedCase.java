/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.data.CaseStore;

/** What is known of a prepared case without reading its arrays (from its manifest). */
record PreparedCase(String id, CaseStore.Shape shape, int[] box, int[] boxOrigin, long imagesCrc, long classesCrc) {
}
