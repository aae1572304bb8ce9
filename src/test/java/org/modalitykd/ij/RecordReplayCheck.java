/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.Button;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Label;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Weights;

import ij.IJ;
import ij.ImageJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Records each training dialog as a user fills it in and replays the recording as a
 * macro (run under Xvfb by scripts/imagej-record-test, with the real ImageJ 1 GUI): the
 * Recorder must hold every option of Train Teacher, Distill Student and Train Unpaired
 * with the value given in the dialog (none at its default), and the macro must train
 * the same network: the same card and the same weights. Not a unit test (it needs a
 * display): {@code RecordReplayCheck DATA_DIR WORK_DIR}; exit status 0 when all holds.
 */
public final class RecordReplayCheck {

	private final Path data;
	private final Path work;
	private final List<String> failures = new ArrayList<>();

	private RecordReplayCheck(Path data, Path work) {
		this.data = data;
		this.work = work;
	}

	public static void main(String[] args) throws Exception {
		RecordReplayCheck check = new RecordReplayCheck(Path.of(args[0]), Path.of(args[1]));
		new ImageJ();
		new Recorder();
		int status = 0;
		try {
			check.all();
		} catch (Exception | AssertionError e) {
			check.failures.add(e.toString());
		}
		for (String f : check.failures) {
			System.err.println("record-replay: FAIL " + f);
			status = 1;
		}
		if (status == 0) {
			System.out.println("record-replay: every option of the three training dialogs recorded and replayed");
		}
		System.exit(status);
	}

	private void all() throws Exception {
		Path teacher = work.resolve("teacher-dialog");
		Map<String, String> t = new LinkedHashMap<>();
		t.put("data", data.toString());
		t.put("modalities", "t1,t2");
		t.putAll(training("resize", "batch"));
		t.put("out", teacher.toString());
		check("Train Teacher...", "ModalityKD Train Teacher", t);

		Map<String, String> s = new LinkedHashMap<>();
		s.put("data", data.toString());
		s.put("modality", "t2");
		s.put("method", "kdnet");
		s.put("teacher", teacher.toString());
		s.put("kd_weight", "0.2");
		s.put("temperature", "3");
		s.put("feature_weight", "0.05");
		s.put("latent_loss", "kl");
		s.put("temperature_squared", "false");
		s.put("kd_warmup", "0.25");
		s.putAll(training("transposed", "instance"));
		s.put("out", work.resolve("student-dialog").toString());
		check("Distill Student...", "ModalityKD Distill Student", s);

		Map<String, String> u = new LinkedHashMap<>();
		u.put("data_a", data.toString());
		u.put("modality_a", "t1");
		u.put("data_b", data.toString());
		u.put("modality_b", "flair");
		u.put("kd_weight", "0.3");
		u.put("tau", "3");
		u.putAll(training("resize", "modality-instance"));
		u.put("out", work.resolve("unpaired-dialog").toString());
		check("Train Unpaired...", "ModalityKD Train Unpaired", u);
	}

	/** Every shared training field, none at its default (a tiny, fast run). */
	private static Map<String, String> training(String upsampling, String normalization) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("levels", "3");
		m.put("base_filters", "4");
		m.put("upsampling", upsampling);
		m.put("normalization", normalization);
		m.put("steps", "4");
		m.put("patch_size", "16");
		m.put("batch_size", "1");
		m.put("learning_rate", "0.002");
		m.put("lr_schedule", "cosine");
		m.put("weight_decay", "0.00002");
		m.put("seed", "3");
		m.put("validation_fraction", "0.4");
		m.put("validation_interval", "2");
		m.put("checkpoint_interval", "2");
		m.put("tumour_share", "0.5");
		m.put("cache_mb", "0");
		m.put("augmentation", "nnunet");
		m.put("device", "cpu");
		m.put("seg_loss", "official");
		m.put("dice_weight", "0.9");
		m.put("ce_weight", "1.1");
		return m;
	}

	/** Fills the dialog, presses OK, checks the recording, replays it and compares the two bundles. */
	private void check(String command, String title, Map<String, String> values) throws Exception {
		Path bundle = Path.of(values.get("out"));
		int before = Recorder.getInstance().getText().length();
		IJ.doCommand(command);
		GenericDialog gd = waitForDialog(title);
		// AWT components are filled and read on the event thread, as a user's typing is: set
		// from this thread under load, a field's text was seen to end up in another field's place.
		java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
		java.util.concurrent.atomic.AtomicReference<java.util.Set<String>> keys = new java.util.concurrent.atomic.AtomicReference<>();
		java.awt.EventQueue.invokeAndWait(() -> {
			try {
				keys.set(fill(gd, title, values));
			} catch (Throwable t) {
				failed.set(t);
			}
		});
		if (failed.get() != null) {
			throw new AssertionError(failed.get().getMessage(), failed.get());
		}
		System.out.println("record-replay: OK pressed in " + title + "; cancelled " + gd.wasCanceled() + ", oked "
			+ gd.wasOKed());
		waitForBundle(bundle);
		String recorded = waitForRecording(command, before);
		System.out.println("record-replay: recorded " + recorded);
		String options = recorded.substring(recorded.indexOf(", \"") + 3, recorded.lastIndexOf("\");"));
		for (String key : keys.get()) {
			if (!key.startsWith("resume") && !key.startsWith("overwrite")
				&& Macro.getValue(options + " ", key, null) == null) {
				failures.add(command + ": the recording lacks the option " + key);
			}
		}
		for (Map.Entry<String, String> e : values.entrySet()) {
			String got = Macro.getValue(options + " ", e.getKey(), null);
			if (got == null || !sameValue(e.getValue(), got)) {
				failures.add(command + ": " + e.getKey() + " recorded as " + got + ", set to " + e.getValue());
			}
		}
		Path replayed = bundle.resolveSibling(bundle.getFileName().toString().replace("-dialog", "-macro"));
		String replay = options.replace("out=" + bracketed(bundle), "out=" + bracketed(replayed));
		if (replay.equals(options)) {
			throw new AssertionError(command + ": no out=" + bracketed(bundle) + " in " + options);
		}
		Thread macro = new Thread(() -> IJ.run(command, replay), "Run$_replay");
		macro.start();
		macro.join(300_000);
		compare(command, bundle, replayed);
	}

	private static String bracketed(Path p) {
		String s = p.toString();
		return s.contains(" ") ? "[" + s + "]" : s;
	}

	private static boolean sameValue(String given, String recorded) {
		if (given.equals(recorded)) {
			return true;
		}
		try {
			return Math.abs(Double.parseDouble(given) - Double.parseDouble(recorded)) <= 1e-9 * Math.abs(Double.parseDouble(given));
		} catch (NumberFormatException e) {
			return false;
		}
	}

	private void compare(String command, Path dialog, Path macro) throws Exception {
		if (!Files.isRegularFile(macro.resolve(ModelBundle.CARD_FILE))) {
			failures.add(command + ": the replayed macro wrote no bundle at " + macro);
			return;
		}
		ModelCard a = ModelBundle.readCard(dialog);
		ModelCard b = ModelBundle.readCard(macro);
		same(command, "role", a.role(), b.role());
		same(command, "modalities", a.modalities(), b.modalities());
		same(command, "architecture", a.architecture(), b.architecture());
		same(command, "loss weights", a.provenance().lossWeights(), b.provenance().lossWeights());
		same(command, "loss options", a.provenance().lossOptions(), b.provenance().lossOptions());
		same(command, "augmentation", a.provenance().augmentation(), b.provenance().augmentation());
		same(command, "steps", a.provenance().steps(), b.provenance().steps());
		same(command, "seed", a.provenance().seed(), b.provenance().seed());
		same(command, "validation", a.validation(), b.validation());
		try (ModelBundle x = ModelBundle.load(dialog, SessionOptions.cpu());
			ModelBundle y = ModelBundle.load(macro, SessionOptions.cpu())) {
			Weights wx = x.weights();
			Weights wy = y.weights();
			same(command, "weight names", wx.tensors().keySet(), wy.tensors().keySet());
			double worst = 0;
			for (String name : wx.tensors().keySet()) {
				float[] p = wx.get(name).values();
				float[] q = wy.get(name).values();
				for (int i = 0; i < p.length; i++) {
					worst = Math.max(worst, Math.abs(p[i] - q[i]));
				}
			}
			if (worst > 1e-5) {
				failures.add(command + ": the replayed training's weights differ from the dialog's by up to " + worst);
			}
			System.out.println("record-replay: " + command + " replayed; largest weight difference " + worst);
		}
	}

	private void same(String command, String what, Object a, Object b) {
		if (!Objects.equals(a, b)) {
			failures.add(command + ": " + what + " differs: dialog " + a + ", macro " + b);
		}
	}

	/** Types {@code values} into the dialog's fields, checks each reads back, and presses OK; the dialog's keys. */
	private static java.util.Set<String> fill(GenericDialog gd, String title, Map<String, String> values) {
		Map<String, Component> fields = fieldsByKey(gd);
		for (Map.Entry<String, String> e : values.entrySet()) {
			Component c = fields.get(e.getKey());
			if (c == null) {
				throw new AssertionError(title + " has no field " + e.getKey() + "; it has " + fields.keySet());
			}
			if (c instanceof TextField f) {
				f.setText(e.getValue());
			} else if (c instanceof Choice ch) {
				ch.select(e.getValue());
				if (!e.getValue().equals(ch.getSelectedItem())) {
					throw new AssertionError(title + ": " + e.getKey() + " does not offer " + e.getValue());
				}
			}
		}
		for (Map.Entry<String, String> e : values.entrySet()) {
			if (fields.get(e.getKey()) instanceof TextField f && !f.getText().equals(e.getValue())) {
				throw new AssertionError(title + ": " + e.getKey() + " reads '" + f.getText() + "' after typing '"
					+ e.getValue() + "'");
			}
		}
		Button ok = gd.getButtons()[0];
		gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, "OK"));
		return fields.keySet();
	}

	private static GenericDialog waitForDialog(String title) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			Thread.sleep(100);
			for (Window w : Window.getWindows()) {
				if (w instanceof GenericDialog g && w.isShowing() && title.equals(g.getTitle())) {
					Thread.sleep(500);
					return g;
				}
			}
		}
		throw new AssertionError("no dialog '" + title + "' appeared");
	}

	/**
	 * The dialog's fields by macro key: a field belongs to the label before it (ImageJ
	 * shows a key's underscores as spaces); a checkbox is keyed by its own label.
	 */
	private static Map<String, Component> fieldsByKey(Container root) {
		Map<String, Component> out = new LinkedHashMap<>();
		String[] last = { null };
		walk(root, c -> {
			if (c instanceof Label l) {
				last[0] = l.getText().trim().replace(' ', '_');
			} else if ((c instanceof TextField || c instanceof Choice) && last[0] != null && !out.containsKey(last[0])) {
				out.put(last[0], c);
				last[0] = null;
			} else if (c instanceof java.awt.Checkbox box) {
				out.put(box.getLabel().trim().split(" ")[0], c);
			}
		});
		return out;
	}

	private static void walk(Component c, java.util.function.Consumer<Component> visit) {
		visit.accept(c);
		if (c instanceof Container k) {
			for (Component child : k.getComponents()) {
				walk(child, visit);
			}
		}
	}

	private static void waitForBundle(Path bundle) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (Files.isRegularFile(bundle.resolve(ModelBundle.CARD_FILE)) && !trainingRunning()) {
				return;
			}
			for (Window w : Window.getWindows()) {
				if (w instanceof ij.gui.MessageDialog m && w.isShowing()) {
					// A modal message stops a recording user; here it would stop the check.
					throw new AssertionError("a modal message '" + m.getTitle() + "' appeared: " + text(m) + "; log: "
						+ IJ.getLog());
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the dialog's training wrote no bundle at " + bundle + " within 60 s; windows "
			+ java.util.Arrays.stream(Window.getWindows()).filter(Window::isShowing).map(RecordReplayCheck::title).toList()
			+ "; log: " + IJ.getLog() + "; threads: " + Thread.getAllStackTraces().entrySet().stream()
				.filter(e -> !e.getKey().isDaemon() || e.getKey().getName().contains("Train"))
				.map(e -> e.getKey().getName() + java.util.Arrays.toString(java.util.Arrays.copyOf(e.getValue(),
					Math.min(8, e.getValue().length)))).toList());
	}

	private static String text(Container c) {
		StringBuilder b = new StringBuilder();
		walk(c, x -> {
			if (x instanceof Label l) {
				b.append(l.getText()).append(' ');
			} else if (x instanceof ij.gui.MultiLineLabel m) {
				// ImageJ's message text: its lines are package-private, read for the failure message only.
				try {
					java.lang.reflect.Field lines = ij.gui.MultiLineLabel.class.getDeclaredField("lines");
					lines.setAccessible(true);
					b.append(String.join(" ", (String[]) lines.get(m))).append(' ');
				} catch (ReflectiveOperationException | RuntimeException e) {
					b.append("(text unreadable: ").append(e).append(") ");
				}
			}
		});
		return b.toString().trim();
	}

	private static String title(Window w) {
		return w instanceof java.awt.Frame f ? f.getTitle() : w instanceof java.awt.Dialog d ? d.getTitle() : w.getName();
	}

	private static boolean trainingRunning() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("ModalityKD training"));
	}

	private static String waitForRecording(String command, int from) throws InterruptedException {
		String prefix = "run(\"" + command + "\", \"";
		for (int i = 0; i < 100; i++) {
			String text = Recorder.getInstance().getText().substring(from);
			int at = text.indexOf(prefix);
			if (at >= 0) {
				int end = text.indexOf('\n', at);
				return text.substring(at, end < 0 ? text.length() : end).trim();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the Recorder holds no " + prefix + "...; it holds: " + Recorder.getInstance().getText());
	}
}
