package org.tsumugi.document.fields;

import java.text.Normalizer;

/**
 * Normalisation for matching and for values. NFKC folds full-width Latin letters and digits to
 * ASCII, half-width katakana to full width, and the ideographic space to a plain space: exactly the
 * differences between what a clerk typed, what a form printed and what OCR read.
 */
public final class JapaneseText {

	private JapaneseText() {
	}

	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(folded.length());
		folded.codePoints().forEach(cp -> out.appendCodePoint(switch (cp) {
			// the many dashes people and OCR use between digits
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFF0D' -> '-';
			default -> cp;
		}));
		return out.toString();
	}

	/** Hiragana to katakana, as 氏名カナ fields expect; other characters unchanged. */
	public static String toKatakana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
		return out.toString();
	}

	public static String toHiragana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x30A1 && cp <= 0x30F6 ? cp - 0x60 : cp));
		return out.toString();
	}

	/** Collapses runs of spaces to one and trims, for names written as 山田　　太郎. */
	public static String collapseSpaces(String text) {
		return text.replaceAll("[\\s\\u3000]+", " ").strip();
	}
}
