package org.modalitykd.ij;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.gui.GenericDialog;

/** Small helpers shared by the commands' dialogs. */
final class Dialogs {

	private Dialogs() {
	}

	/**
	 * A folder or file field. With a display it has ImageJ's Browse button; headless
	 * (ij1-patcher's dialog has no path fields) it is a plain text field. The macro key
	 * is {@code key} either way.
	 */
	static void addPath(GenericDialog gd, String key, String value, boolean directory) {
		if (GraphicsEnvironment.isHeadless()) {
			gd.addStringField(key, value, 40);
		} else if (directory) {
			gd.addDirectoryField(key, value, 40);
		} else {
			gd.addFileField(key, value, 40);
		}
	}

	/** The one-line message of a failure the user can fix, as an ImageJ error. */
	static void error(String command, Exception e) {
		IJ.error("ModalityKD " + command, oneLine(e));
	}

	/** The message of an exception in one line; unknown failures are named by type. */
	static String oneLine(Exception e) {
		String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		if (e instanceof java.nio.file.NoSuchFileException nf) {
			m = nf.getFile() + ": " + (nf.getReason() != null ? nf.getReason() : "no such file");
		}
		return m.replaceAll("\\s*\\R\\s*", " ").trim();
	}
}
