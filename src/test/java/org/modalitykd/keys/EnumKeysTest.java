/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.modalitykd.data.AugmentationLevel;
import org.modalitykd.io.NiftiDatatype;
import org.modalitykd.net.Device;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.Upsampling;
import org.modalitykd.train.SegmentationLossForm;

/** One matching rule for every keyed enum: any case, blanks around ignored; the accepted keys in one sentence. */
class EnumKeysTest {

	private enum Colour {
		DEEP_RED, GREEN, BLUE;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	@Test
	void findsAKeyInAnyCaseWithBlanksAround() {
		EnumKeys<Colour> keys = EnumKeys.of(Colour.class, Colour::key);
		assertEquals(Optional.of(Colour.DEEP_RED), keys.find(" Deep-Red\t"));
		assertEquals(Optional.of(Colour.BLUE), keys.find("blue"));
		assertEquals(Optional.empty(), keys.find("deep_red"));
		assertEquals(Optional.empty(), keys.find(""));
		assertEquals(Optional.empty(), keys.find(null));
	}

	@Test
	void spellsTheAcceptedKeysAsASentence() {
		assertEquals(List.of("deep-red", "green", "blue"), EnumKeys.of(Colour.class, Colour::key).keys());
		assertEquals("deep-red, green or blue", EnumKeys.of(Colour.class, Colour::key).accepted());
		assertEquals("a or b", EnumKeys.alternatives(List.of("a", "b")));
		assertEquals("a", EnumKeys.alternatives(List.of("a")));
		assertEquals("", EnumKeys.alternatives(List.of()));
	}

	@Test
	void theEnumsKeepTheirWordsAndAcceptAnyCase() {
		assertEquals(AugmentationLevel.NNUNET, AugmentationLevel.parse(" NNUnet "));
		assertEquals(Upsampling.RESIZE_CONV, Upsampling.parse("Resize_Conv"));
		assertEquals(Upsampling.TRANSPOSED_CONV, Upsampling.parse("TRANSPOSED"));
		assertEquals(NiftiDatatype.FLOAT32, NiftiDatatype.fromName("Float32"));
		assertEquals(Device.GPU, Device.parse(" GPU"));
		assertEquals(SegmentationLossForm.OFFICIAL, SegmentationLossForm.parse("Official"));
		assertEquals("official", SegmentationLossForm.OFFICIAL.value());
		assertEquals(ModelRole.UNPAIRED, ModelRole.parse("unpaired"));
		assertEquals("unknown role 'tutor'; expected teacher, student, unpaired or baseline",
			assertThrows(IllegalArgumentException.class, () -> ModelRole.parse("tutor")).getMessage());
		assertEquals("unknown datatype 'float16'; use one of [uint8, int16, int32, float32, float64, int8, uint16, uint32, int64]",
			assertThrows(IllegalArgumentException.class, () -> NiftiDatatype.fromName("float16")).getMessage());
		assertEquals("unknown device 'tpu'; use cpu, gpu or auto",
			assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu")).getMessage());
	}
}
