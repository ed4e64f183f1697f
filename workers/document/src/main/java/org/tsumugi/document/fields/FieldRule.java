package org.tsumugi.document.fields;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How to find one field: the labels printed next to it, an optional pattern its value must match,
 * and the kind of value (which decides the normalisation).
 */
record FieldRule(String name, List<String> anchors, Pattern pattern, Type type) {

	enum Type {
		/** text as written, spaces collapsed */
		TEXT,
		/** a person's name: spaces collapsed to one between family and given name */
		NAME,
		/** katakana reading (フリガナ); hiragana is converted */
		KANA,
		/** a date, written out as ISO yyyy-MM-dd */
		DATE,
		/** digits only (保険者番号, 記号番号 without separators) */
		DIGITS
	}
}
