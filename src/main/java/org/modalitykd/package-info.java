/** ModalityKD: multi-modal MRI segmentation with knowledge distillation. */
package org.modalitykd;
