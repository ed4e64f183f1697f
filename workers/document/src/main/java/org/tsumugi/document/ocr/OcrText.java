package org.tsumugi.document.ocr;

import java.util.regex.Pattern;

/**
 * Cleans Tesseract's plain text without changing what was read. Spaces inside Japanese are left
 * alone: with {@code preserve_interword_spaces} Tesseract no longer splits words into characters,
 * and a space it keeps is usually a real one (between family and given name).
 */
final class OcrText {

	private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n|$)");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private OcrText() {
	}

	static String tidy(String raw) {
		String text = raw.replace("\r", "").replace("\f", "");
		text = TRAILING_SPACE.matcher(text).replaceAll("");
		text = BLANK_LINES.matcher(text).replaceAll("\n\n");
		return text.strip();
	}
}
