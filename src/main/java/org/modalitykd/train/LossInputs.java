/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.net.UNet;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a method's loss terms are built from: the trained network applied to the batch,
 * the batch's one-hot labels, and where the method has them the frozen teacher's forward
 * pass on the same batch or the same network applied to the second modality's batch.
 *
 * @param classes  output classes
 * @param student  the trained network on the (first) batch, in training mode
 * @param labels   one-hot labels of that batch, NDHWC
 * @param teacher  the frozen teacher on the same batch (KD-Net, ProtoKD), else null
 * @param studentB the trained network on the second batch (normalisation slot 1; unpaired), else null
 * @param labelsB  one-hot labels of the second batch, else null
 */
public record LossInputs(int classes, UNet<TFloat32> student, Operand<TFloat32> labels, UNet<TFloat32> teacher,
	UNet<TFloat32> studentB, Operand<TFloat32> labelsB) {
}
