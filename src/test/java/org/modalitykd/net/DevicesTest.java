/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

class DevicesTest {

	@Test
	void parsesTheThreeChoices() {
		assertEquals(Device.CPU, Device.parse("cpu"));
		assertEquals(Device.GPU, Device.parse(" GPU "));
		assertEquals(Device.AUTO, Device.parse("auto"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu"));
		assertEquals("unknown device 'tpu'; use cpu, gpu or auto", e.getMessage());
	}

	@Test
	void cpuHidesGpusAndSetsThreads() {
		ConfigProto c = new SessionOptions(Device.CPU, 2, 1).toConfigProto();
		assertEquals(0, c.getDeviceCountOrDefault("GPU", -1));
		assertEquals(2, c.getIntraOpParallelismThreads());
		assertEquals(1, c.getInterOpParallelismThreads());
	}

	@Test
	void autoSaysWhatItChoseAndGpuFailsClearlyWithoutOne() {
		Devices.Resolved auto = Devices.resolve(Device.AUTO);
		assertEquals(Devices.gpuAvailable(), auto.gpu());
		assertTrue(auto.description().startsWith(auto.gpu() ? "GPU (auto" : "CPU (auto"), auto.description());
		if (Devices.gpuAvailable()) {
			ConfigProto c = SessionOptions.defaults().toConfigProto();
			assertTrue(c.getGpuOptions().getAllowGrowth());
			assertTrue(Devices.resolve(Device.GPU).gpu());
		} else {
			DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
				() -> new SessionOptions(Device.GPU, 0, 0).toConfigProto());
			assertTrue(e.getMessage().startsWith("--device gpu: no usable GPU"), e.getMessage());
			assertFalse(e.getMessage().contains("\n"), "one line");
		}
	}
}
