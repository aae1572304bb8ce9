/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.AbstractTF_Graph;
import org.tensorflow.internal.c_api.AbstractTF_SessionOptions;
import org.tensorflow.internal.c_api.AbstractTF_Status;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import static org.tensorflow.internal.c_api.global.tensorflow.*;

/**
 * What a user needs to know when the GPU is not used: the TensorFlow version, which
 * native build is installed, the devices a session sees (with their memory), whether
 * the CUDA runtime and cuDNN libraries can be found, and the memory left to Java and
 * the machine. Gathering it starts one empty TensorFlow session.
 *
 * @param tensorflowVersion TensorFlow's version string
 * @param nativeBuild   "GPU (CUDA)" or "CPU only", from the native jar on the class path
 * @param devices       one line per device: name, type, memory
 * @param gpuUsable     whether an op pinned to the first GPU runs
 * @param gpuNote       why not, when it does not
 * @param cudaRuntime   the libcudart.so.12 file found, or why not ({@link CudaLibraryLookup#describe})
 * @param cudnn         the libcudnn.so.9 file found, or why not
 * @param javaMaxMb     the Java heap limit
 * @param javaFreeMb    what the heap can still grow by
 * @param systemFreeMb  free physical memory, or -1 when unknown
 * @param oneDnn        what decided whether TensorFlow's oneDNN CPU kernels are on ({@link OneDnn#status()})
 */
public record DeviceReport(String tensorflowVersion, String nativeBuild, List<String> devices, boolean gpuUsable,
	String gpuNote, String cudaRuntime, String cudnn, long javaMaxMb, long javaFreeMb, long systemFreeMb,
	String oneDnn) {

	/** The sonames the GPU build (TensorFlow 2.18 for CUDA 12) loads. */
	static final String CUDA_RUNTIME = "libcudart.so.12";
	static final String CUDNN = "libcudnn.so.9";

	/** Probes this process and machine. */
	public static DeviceReport probe() {
		Runtime rt = Runtime.getRuntime();
		long used = rt.totalMemory() - rt.freeMemory();
		boolean gpu = Devices.gpuAvailable();
		String note = gpu ? "" : Devices.resolve(Device.AUTO).description().replaceFirst("^CPU \\(auto: ", "")
			.replaceFirst("\\)$", "");
		List<String> libraryPath = CudaLibraryLookup.searchPath();
		return new DeviceReport(TensorFlow.version(), detectNativeBuild(), listDevices(), gpu, note,
			CudaLibraryLookup.describe(libraryPath, CUDA_RUNTIME), CudaLibraryLookup.describe(libraryPath, CUDNN),
			rt.maxMemory() >> 20, (rt.maxMemory() - used) >> 20, freePhysicalMb(), OneDnn.status());
	}

	/** The report as lines of "key: value", for a log or a table. */
	public List<String[]> rows() {
		List<String[]> r = new ArrayList<>();
		r.add(new String[] { "TensorFlow", tensorflowVersion });
		r.add(new String[] { "native build", nativeBuild });
		r.add(new String[] { "oneDNN", oneDnn });
		for (int i = 0; i < devices.size(); i++) {
			r.add(new String[] { "device " + i, devices.get(i) });
		}
		r.add(new String[] { "GPU usable", gpuUsable ? "yes" : gpuNote });
		r.add(new String[] { "CUDA runtime", cudaRuntime });
		r.add(new String[] { "cuDNN", cudnn });
		r.add(new String[] { "Java heap", javaFreeMb + " MB free of " + javaMaxMb + " MB" });
		r.add(new String[] { "machine memory", systemFreeMb < 0 ? "unknown" : systemFreeMb + " MB free" });
		return r;
	}

	private static String detectNativeBuild() {
		// The GPU native jar carries its libraries under a -gpu platform folder.
		String cp = System.getProperty("java.class.path", "");
		if (cp.contains("linux-x86_64-gpu") || TensorFlow.class.getClassLoader()
			.getResource("org/tensorflow/internal/c_api/linux-x86_64-gpu/") != null) {
			return "GPU (CUDA 12)";
		}
		return "CPU only";
	}

	private static List<String> listDevices() {
		List<String> out = new ArrayList<>();
		try (TF_Status status = AbstractTF_Status.newStatus();
			TF_Graph graph = AbstractTF_Graph.newGraph();
			TF_SessionOptions options = AbstractTF_SessionOptions.newSessionOptions()) {
			TF_Session session = TF_NewSession(graph, options, status);
			status.throwExceptionIfNotOK();
			TF_DeviceList list = TF_SessionListDevices(session, status);
			status.throwExceptionIfNotOK();
			try {
				for (int i = 0; i < TF_DeviceListCount(list); i++) {
					String name = TF_DeviceListName(list, i, status).getString();
					String type = TF_DeviceListType(list, i, status).getString();
					long bytes = TF_DeviceListMemoryBytes(list, i, status);
					out.add(name + " (" + type + ", " + (bytes >> 20) + " MB)");
				}
			} finally {
				TF_DeleteDeviceList(list);
				TF_CloseSession(session, status);
				TF_DeleteSession(session, status);
			}
		} catch (RuntimeException e) {
			out.add("cannot list devices: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
		}
		return out;
	}

	private static long freePhysicalMb() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getFreeMemorySize() >> 20;
		}
		return -1;
	}
}
