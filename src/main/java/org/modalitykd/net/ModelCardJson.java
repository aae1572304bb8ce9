/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The JSON form of a {@link ModelCard}: snake_case keys, enums in lower case, every
 * key always written. Reading names the first missing or malformed key. A card says its
 * format in {@code format_version} ({@link ModelCard#FORMAT_VERSION} when written by this
 * version; a card without the key is format 1); a newer format than this code knows is
 * refused with one line. Example:
 *
 * <pre>
 * { "format_version": 1, "role": "teacher", "modalities": ["t1", "t1ce", "t2", "flair"],
 *   "label_map": [0, 1, 2, 4], "class_names": [...], "intensity_normalization": {"method": "zscore-nonzero"},
 *   (a CT model: {"method": "hu-window", "window_hu": [-100.0, 200.0], "scaled_to": "0-1"}),
 *   "patch_size": [64, 64, 64], "spacing_mm": [1.0, 1.0, 1.0],
 *   "architecture": {"input_channels": 4, "classes": 4, "levels": 4, "base_filters": 16, ...},
 *   "provenance": {"method": "supervised", "loss_weights": {...},
 *                  "loss_options": {"seg_loss": "default", ...} (optional), "data": "...", "seed": 1, "steps": 1000,
 *                  "software": {...}, "date": "2026-01-01T00:00:00Z", "augmentation": "light" (optional)},
 *   "validation": {"dice_wt": 0.86},
 *   "channel_signature": {"deciles": [[...9 values...] per channel], "correlation": [[...] per channel]} or null,
 *   "signature": {"key": "serving_default", "input": "image", "output": "probabilities", "layout": "..."} }
 * </pre>
 */
public final class ModelCardJson {

	/** Names in the SavedModel's serving signature. */
	public static final String SIGNATURE_KEY = "serving_default";
	public static final String INPUT = "image";
	public static final String OUTPUT = "probabilities";
	public static final String NORM_SLOT = "norm_slot";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
		.create();

	private ModelCardJson() {
	}

	public static String write(ModelCard card) {
		JsonObject o = new JsonObject();
		// The JSON below is the current format, whatever format the card was read from.
		o.addProperty("format_version", ModelCard.FORMAT_VERSION);
		o.addProperty("role", card.role().key());
		o.add("modalities", strings(card.modalities()));
		if (card.hasNormSlots()) {
			// Redundant with the order of "modalities", but a reader of the card should not have to know that.
			o.add("norm_slot_modalities", strings(card.modalities()));
		}
		o.add("label_map", GSON.toJsonTree(card.labelMap()));
		o.add("class_names", strings(card.classNames()));
		JsonObject norm = new JsonObject();
		norm.addProperty("method", card.normalization().method());
		if (card.normalization().readsHounsfield()) {
			JsonArray window = new JsonArray();
			window.add(card.normalization().windowMin());
			window.add(card.normalization().windowMax());
			norm.add("window_hu", window);
			norm.addProperty("scaled_to", "0-1");
		}
		o.add("intensity_normalization", norm);
		o.add("patch_size", GSON.toJsonTree(card.patchSize()));
		o.add("spacing_mm", GSON.toJsonTree(card.spacing()));
		o.add("architecture", architecture(card.architecture()));
		ModelCard.Provenance p = card.provenance();
		JsonObject prov = new JsonObject();
		prov.addProperty("method", p.method());
		prov.add("loss_weights", GSON.toJsonTree(p.lossWeights()));
		prov.add("loss_options", GSON.toJsonTree(p.lossOptions()));
		prov.addProperty("data", p.data());
		prov.addProperty("seed", p.seed());
		prov.addProperty("steps", p.steps());
		prov.add("software", GSON.toJsonTree(p.software()));
		prov.addProperty("date", p.date());
		prov.addProperty("augmentation", p.augmentation());
		o.add("provenance", prov);
		o.add("validation", GSON.toJsonTree(card.validation()));
		o.add("channel_signature", channelSignature(card.channelSignature()));
		JsonObject sig = new JsonObject();
		sig.addProperty("key", SIGNATURE_KEY);
		sig.addProperty("input", INPUT);
		sig.addProperty("output", OUTPUT);
		if (card.hasNormSlots()) {
			sig.addProperty("norm_slot", NORM_SLOT);
		}
		sig.addProperty("layout", "float32 image [batch, z, y, x, channel] -> probabilities [batch, z, y, x, class]");
		o.add("signature", sig);
		return GSON.toJson(o) + "\n";
	}

	/**
	 * @throws IllegalArgumentException naming the first missing or malformed key, or a
	 *                                  format version this code cannot read
	 */
	public static ModelCard read(String json) {
		JsonObject o;
		try {
			o = JsonParser.parseString(json).getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw new IllegalArgumentException("the model card is not a JSON object: " + e.getMessage(), e);
		}
		try {
			int version = formatVersion(o);
			JsonObject prov = require(o, "provenance").getAsJsonObject();
			ModelCard.Provenance provenance = new ModelCard.Provenance(require(prov, "method").getAsString(),
				doubles(require(prov, "loss_weights")), require(prov, "data").getAsString(),
				require(prov, "seed").getAsLong(), require(prov, "steps").getAsLong(),
				stringMap(require(prov, "software")), require(prov, "date").getAsString(),
				prov.has("loss_options") && !prov.get("loss_options").isJsonNull() ? stringMap(prov.get("loss_options"))
					: Map.of(),
				prov.has("augmentation") ? prov.get("augmentation").getAsString()
					: ModelCard.Provenance.DEFAULT_AUGMENTATION);
			List<String> modalities = stringList(require(o, "modalities"));
			if (o.has("norm_slot_modalities") && !stringList(o.get("norm_slot_modalities")).equals(modalities)) {
				throw new IllegalArgumentException("the card's norm_slot_modalities " + stringList(o.get("norm_slot_modalities"))
					+ " are not its modalities " + modalities + " in slot order; the card was edited by hand: restore it");
			}
			return new ModelCard(version, ModelRole.parse(require(o, "role").getAsString()), modalities, ints(require(o, "label_map")), stringList(require(o, "class_names")),
				normalization(require(o, "intensity_normalization").getAsJsonObject()),
				ints(require(o, "patch_size")), GSON.fromJson(require(o, "spacing_mm"), double[].class),
				architecture(require(o, "architecture").getAsJsonObject()), provenance, doubles(require(o, "validation")),
				channelSignature(o.get("channel_signature")));
		} catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
			throw new IllegalArgumentException("the model card has a malformed value: " + e.getMessage(), e);
		}
	}

	/**
	 * The card's format: {@code format_version}, 1 when absent (the first cards had no
	 * key). Checked before any other key, so that a newer card, whose keys this code may
	 * not know, gets one line saying to update rather than a complaint about a key.
	 * Every version from 1 to {@link ModelCard#FORMAT_VERSION} is read; when a version
	 * changes a key, its reading goes here by version.
	 */
	private static int formatVersion(JsonObject o) {
		JsonElement e = o.get("format_version");
		if (e == null || e.isJsonNull()) {
			return 1;
		}
		int version;
		try {
			version = e.getAsBigDecimal().intValueExact();
		} catch (ArithmeticException | NumberFormatException | IllegalStateException | UnsupportedOperationException x) {
			throw new IllegalArgumentException("the model card's format_version " + e + " is not a format number (a whole number, e.g. 1)", x);
		}
		if (version > ModelCard.FORMAT_VERSION) {
			throw new IllegalArgumentException("model card format " + version + " is newer than this ModalityKD reads (up to "
				+ ModelCard.FORMAT_VERSION + "): update ModalityKD");
		}
		if (version < 1) {
			throw new IllegalArgumentException("model card format " + version + " does not exist (ModalityKD reads 1 to "
				+ ModelCard.FORMAT_VERSION + "): the card is damaged");
		}
		return version;
	}

	private static JsonElement channelSignature(ChannelSignature s) {
		if (s == null) {
			return com.google.gson.JsonNull.INSTANCE;
		}
		JsonObject o = new JsonObject();
		o.add("deciles", GSON.toJsonTree(s.deciles()));
		o.add("correlation", GSON.toJsonTree(s.correlation()));
		return o;
	}

	/** Optional (cards written before it existed have none). */
	private static ChannelSignature channelSignature(JsonElement e) {
		if (e == null || e.isJsonNull()) {
			return null;
		}
		JsonObject o = e.getAsJsonObject();
		return new ChannelSignature(GSON.fromJson(require(o, "deciles"), double[][].class),
			GSON.fromJson(require(o, "correlation"), double[][].class));
	}

	/** Cards before hu-window have only "method"; a hu-window card without "window_hu" gets the default window. */
	private static ModelCard.IntensityNormalization normalization(JsonObject n) {
		String method = require(n, "method").getAsString();
		JsonElement window = n.get("window_hu");
		if (window == null || window.isJsonNull()) {
			return new ModelCard.IntensityNormalization(method);
		}
		double[] w = GSON.fromJson(window, double[].class);
		if (w.length != 2) {
			throw new IllegalArgumentException("the model card's window_hu needs two numbers [min, max], not " + w.length);
		}
		return new ModelCard.IntensityNormalization(method, w[0], w[1]);
	}

	static JsonObject architecture(UNetConfig c) {
		JsonObject a = new JsonObject();
		a.addProperty("input_channels", c.inputChannels());
		a.addProperty("classes", c.classes());
		a.addProperty("levels", c.levels());
		a.addProperty("base_filters", c.baseFilters());
		a.addProperty("max_filters", c.maxFilters());
		a.addProperty("normalization", lower(c.normalization()));
		a.addProperty("norm_slots", c.normSlots());
		a.addProperty("downsampling", lower(c.downsampling()));
		a.addProperty("upsampling", lower(c.upsampling()));
		a.addProperty("deep_supervision", c.deepSupervision());
		a.addProperty("leaky_slope", c.leakySlope());
		a.addProperty("seed", c.seed());
		return a;
	}

	static UNetConfig architecture(JsonObject a) {
		return new UNetConfig(require(a, "input_channels").getAsInt(), require(a, "classes").getAsInt(),
			require(a, "levels").getAsInt(), require(a, "base_filters").getAsInt(), require(a, "max_filters").getAsInt(),
			parse(Normalization.class, a, "normalization"), require(a, "norm_slots").getAsInt(),
			parse(Downsampling.class, a, "downsampling"), upsampling(a),
			require(a, "deep_supervision").getAsBoolean(), require(a, "leaky_slope").getAsDouble(),
			require(a, "seed").getAsLong());
	}

	/**
	 * Cards written before the upsampling was a training option all say so, but a card
	 * without the key means the transposed convolution every network had then.
	 */
	private static Upsampling upsampling(JsonObject a) {
		JsonElement e = a.get("upsampling");
		if (e == null || e.isJsonNull()) {
			return Upsampling.TRANSPOSED_CONV;
		}
		try {
			return Upsampling.parse(e.getAsString());
		} catch (IllegalArgumentException x) {
			throw new IllegalArgumentException("the model card's upsampling: " + x.getMessage(), x);
		}
	}

	private static String lower(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, JsonObject o, String key) {
		String v = require(o, key).getAsString();
		try {
			return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("the model card's " + key + " '" + v + "' is not one of "
				+ java.util.Arrays.stream(type.getEnumConstants()).map(ModelCardJson::lower).toList(), e);
		}
	}

	private static JsonElement require(JsonObject o, String key) {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) {
			throw new IllegalArgumentException("the model card lacks '" + key + "'");
		}
		return e;
	}

	private static JsonArray strings(List<String> list) {
		JsonArray a = new JsonArray();
		list.forEach(a::add);
		return a;
	}

	private static List<String> stringList(JsonElement e) {
		List<String> out = new ArrayList<>();
		e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
		return out;
	}

	private static int[] ints(JsonElement e) {
		JsonArray a = e.getAsJsonArray();
		int[] out = new int[a.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = a.get(i).getAsInt();
		}
		return out;
	}

	private static Map<String, Double> doubles(JsonElement e) {
		Map<String, Double> out = new LinkedHashMap<>();
		e.getAsJsonObject().entrySet().forEach(x -> out.put(x.getKey(), x.getValue().getAsDouble()));
		return out;
	}

	private static Map<String, String> stringMap(JsonElement e) {
		Map<String, String> out = new LinkedHashMap<>();
		e.getAsJsonObject().entrySet().forEach(x -> out.put(x.getKey(), x.getValue().getAsString()));
		return out;
	}
}
