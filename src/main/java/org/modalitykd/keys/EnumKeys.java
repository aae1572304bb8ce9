/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.keys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keys by which option values, macro keys and model cards name the constants of an
 * enum ({@code light}, {@code modality-batch}, {@code float32}, ...): one place that
 * matches a value to a constant and spells the accepted keys for the one-line error, so
 * that every option is parsed the same way. Each enum keeps its own exception and words.
 *
 * @param <E> the enum
 */
public final class EnumKeys<E extends Enum<E>> {

	private final List<E> constants;
	private final Function<E, String> key;

	private EnumKeys(List<E> constants, Function<E, String> key) {
		this.constants = constants;
		this.key = key;
	}

	/** The keys of {@code type}'s constants, in declaration order, as {@code key} spells them (lower case). */
	public static <E extends Enum<E>> EnumKeys<E> of(Class<E> type, Function<E, String> key) {
		return new EnumKeys<>(List.of(type.getEnumConstants()), key);
	}

	/** The names of {@code type}'s constants in lower case as the keys ({@code cpu}, {@code colin27}). */
	public static <E extends Enum<E>> EnumKeys<E> byName(Class<E> type) {
		return of(type, c -> c.name().toLowerCase(Locale.ROOT));
	}

	/** The constant whose key is {@code value}, in any case and with surrounding blanks ignored; empty for null or none. */
	public Optional<E> find(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.trim().toLowerCase(Locale.ROOT);
		return constants.stream().filter(c -> key.apply(c).equals(v)).findFirst();
	}

	/** The keys in declaration order. */
	public List<String> keys() {
		return constants.stream().map(key).toList();
	}

	/** The keys as a sentence lists them, for an error: {@code a or b}, {@code a, b, c or d}. */
	public String accepted() {
		return alternatives(keys());
	}

	/** {@code words} as a sentence lists alternatives: {@code a}, {@code a or b}, {@code a, b, c or d}. */
	public static String alternatives(List<String> words) {
		if (words.size() < 2) {
			return String.join("", words);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
	}
}
