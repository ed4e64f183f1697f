package org.tsumugi.document.ocr;

import java.util.regex.Pattern;

/** Cleans Tesseract's plain text without changing what was read. */
final class OcrText {

	/** Tesseract separates Japanese characters with spaces it treats as word gaps. */
	private static final Pattern SPACE_BETWEEN_JAPANESE = Pattern.compile(
			"(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆、。「」『』（）・：])[ \\u3000]+(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆、。「」『』（）・：0-9０-９])"
					+ "|(?<=[0-9０-９])[ \\u3000]+(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}])");

	private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n|$)");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private OcrText() {
	}

	static String tidy(String raw) {
		String text = raw.replace("\r", "").replace("\f", "");
		text = SPACE_BETWEEN_JAPANESE.matcher(text).replaceAll("");
		text = TRAILING_SPACE.matcher(text).replaceAll("");
		text = BLANK_LINES.matcher(text).replaceAll("\n\n");
		return text.strip();
	}
}
