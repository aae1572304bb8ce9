/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
/** ModalityKD: multi-modal MRI segmentation with knowledge distillation. */
package org.modalitykd;
