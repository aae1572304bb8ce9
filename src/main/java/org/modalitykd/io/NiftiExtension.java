/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

/**
 * A NIfTI header extension to write after the header: a code and its bytes. The writer
 * pads each to a multiple of 16 bytes as the standard asks. Code 6 (comment) is plain
 * text, which other tools show as it is.
 *
 * @param code    the NIfTI ecode, e.g. {@link #COMMENT}
 * @param content the bytes (not copied)
 */
public record NiftiExtension(int code, byte[] content) {

	/** NIFTI_ECODE_COMMENT: free text. */
	public static final int COMMENT = 6;

	/** Size on disk: 8 bytes of esize and ecode plus the content, rounded up to 16. */
	public int paddedSize() {
		return (8 + content.length + 15) / 16 * 16;
	}

	/** A comment extension holding UTF-8 text. */
	public static NiftiExtension comment(String text) {
		return new NiftiExtension(COMMENT, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
