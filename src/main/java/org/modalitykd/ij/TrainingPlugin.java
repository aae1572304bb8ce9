/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;

import org.modalitykd.app.TrainingRequest;

import ij.IJ;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * What the three training commands share, in their order: the dialog (the command's data
 * fields under "Data", then the shared parameter and output groups), the settled output,
 * the remembered folders, and the request of the use-case layer that trains. Each command
 * adds and reads its own fields only.
 */
public abstract class TrainingPlugin implements PlugIn {

	private final String command;
	private final String macroExample;
	private final String[] numberKeys;
	private final String prefOut;

	TrainingPlugin(String command, String macroExample, String[] numberKeys, String prefOut) {
		this.command = command;
		this.macroExample = macroExample;
		this.numberKeys = numberKeys;
		this.prefOut = prefOut;
	}

	/** Adds the command's fields after the "Data" heading, {@code fields}' parameters among them. */
	abstract void addFields(GenericDialog gd, TrainingFields fields);

	/**
	 * Reads the command's fields in the order {@link #addFields} made them: the request,
	 * its parameters and device set ({@link TrainingFields.Settings#applyTo}).
	 */
	abstract TrainingRequest<?> readFields(GenericDialog gd, TrainingFields fields) throws IOException;

	/** Remembers the command's folders for the next dialog, once the output is settled. */
	abstract void remember();

	/** The status line while the cases (and a teacher) are read. */
	abstract String readingStatus();

	@Override
	public final void run(String arg) {
		if (!CommandErrors.canShowDialog(command, macroExample, numberKeys)) {
			return;
		}
		GenericDialog gd = new GenericDialog("ModalityKD " + command);
		TrainingFields.heading(gd, "Data");
		TrainingFields fields = new TrainingFields(gd);
		addFields(gd, fields);
		fields.addOutput(Prefs.get(prefOut, ""));
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		try {
			TrainingRequest<?> request = readFields(gd, fields);
			TrainingFields.Output output = fields.readOutput();
			boolean resume = TrainingLauncher.resumes(output.bundle(), output.resume(), output.overwrite());
			remember();
			Prefs.set(prefOut, output.bundle().toString());
			IJ.showStatus(readingStatus());
			TrainingLauncher.launch(command, TrainingLauncher.prepare(request, output, resume), resume);
		} catch (IOException | RuntimeException | OutOfMemoryError | LinkageError e) {
			CommandErrors.report(command, e);
		}
	}
}
