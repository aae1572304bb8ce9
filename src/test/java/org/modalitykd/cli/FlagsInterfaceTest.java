/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The flags are a public interface (scripts, cluster jobs and macros use them): every
 * command's options with their labels, arity, split and defaults, and its parameters, as
 * released (flags.txt beside this class in the test resources). Options shared through
 * mixins must keep each command's own; a change to that list is a change to the
 * interface (add, never rename).
 */
class FlagsInterfaceTest {

	@Test
	void everyCommandKeepsItsOptionsLabelsAndDefaults() throws IOException {
		String released;
		try (InputStream in = FlagsInterfaceTest.class.getResourceAsStream("flags.txt")) {
			released = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertEquals(released, describe(new CommandLine(new ModalityKdCli())));
	}

	@Test
	void compareSegmentsOnTheCpuUnlessToldAndTheOthersChooseTheDevice() {
		CommandLine cli = new CommandLine(new ModalityKdCli());
		CommandLine compare = cli.getSubcommands().get("compare");
		String[] required = { "compare", "--models", "m", "--cases", "c", "--out", "o" };
		cli.parseArgs(required);
		assertEquals("cpu", ((CompareCommand) compare.getCommand()).device.device);
		String[] onGpu = Arrays.copyOf(required, required.length + 2);
		onGpu[required.length] = "--device";
		onGpu[required.length + 1] = "gpu";
		cli.parseArgs(onGpu);
		assertEquals("gpu", ((CompareCommand) compare.getCommand()).device.device);
		cli.parseArgs(required);
		assertEquals("cpu", ((CompareCommand) compare.getCommand()).device.device, "the default again on a reused parser");

		cli.parseArgs("segment", "--model", "b", "--input", "c", "--output", "o.nii.gz");
		assertEquals("auto", ((SegmentCommand) cli.getSubcommands().get("segment").getCommand()).inference.device.device.device);
		cli.parseArgs("bench");
		assertEquals("auto", ((BenchCommand) cli.getSubcommands().get("bench").getCommand()).device.device);
	}

	/** One line per command, then one per option (in the order of its help) and one per parameter. */
	static String describe(CommandLine root) {
		StringBuilder b = new StringBuilder();
		for (CommandLine sub : root.getSubcommands().values()) {
			if (sub.getCommand() instanceof CommandLine.HelpCommand) {
				continue;
			}
			CommandSpec spec = sub.getCommandSpec();
			b.append(spec.name()).append('\n');
			List<OptionSpec> options = new ArrayList<>(spec.options());
			if (spec.usageMessage().sortOptions()) {
				options.sort(Comparator.comparing(OptionSpec::longestName));
			}
			for (OptionSpec o : options) {
				Object value = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
				String shown = value instanceof int[] array ? Arrays.toString(array) : String.valueOf(value);
				b.append("  ").append(String.join(" ", o.names())).append(o.arity().max() == 0 ? "" : " " + o.paramLabel())
					.append(o.required() ? " required" : "").append(" arity ").append(o.arity())
					.append(o.splitRegex().isEmpty() ? "" : " split " + o.splitRegex()).append(" default ").append(shown)
					.append('\n');
			}
			for (PositionalParamSpec p : spec.positionalParameters()) {
				b.append("  ").append(p.index()).append(' ').append(p.paramLabel()).append(p.required() ? " required" : "")
					.append(" arity ").append(p.arity()).append('\n');
			}
		}
		return b.toString();
	}
}
