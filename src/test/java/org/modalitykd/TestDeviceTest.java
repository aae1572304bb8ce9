/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modalitykd.net.Device;

class TestDeviceTest {

	@Test
	void theEngineTestsRunOnTheCpuUnlessTheBuildNamesAnotherDevice() {
		assertEquals(Device.CPU, TestDevice.device(null));
		assertEquals(Device.CPU, TestDevice.device(" "));
		assertEquals(Device.GPU, TestDevice.device("gpu"));
	}

	@Test
	void aMisspelledDeviceStopsTheTestsInsteadOfRunningThemOnTheCpu() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestDevice.device("cuda"));
		assertTrue(e.getMessage().contains("cuda"), e.getMessage());
	}
}
