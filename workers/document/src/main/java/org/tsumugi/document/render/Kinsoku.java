package org.tsumugi.document.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Japanese line breaking. Japanese breaks between any two characters, except that closing
 * brackets, small kana and punctuation must not start a line and opening brackets must not end
 * one (JIS X 4051's 行頭禁則 and 行末禁則). Runs of Latin letters and digits are kept whole, like
 * words, so that a patient id or a dose never splits.
 */
final class Kinsoku {

	static final String NOT_AT_LINE_START = "、。，．,.・：；:;？！?!‐゠–〜～ー゛゜ヽヾゝゞ々〻)）]］}｝〕〉》」』】〙〗〟’”｠»"
			+ "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ%％";

	static final String NOT_AT_LINE_END = "(（[［{｛〔〈《「『【〘〖〝‘“｟«";

	private Kinsoku() {
	}

	/**
	 * Splits a paragraph into lines no wider than {@code width}; explicit newlines are kept. A single
	 * unbreakable run wider than the line is cut where it must be rather than overflowing.
	 */
	static List<String> wrap(String paragraph, double width, ToDoubleFunction<String> measure) {
		List<String> lines = new ArrayList<>();
		for (String hard : paragraph.split("\n", -1)) {
			wrapOne(hard, width, measure, lines);
		}
		return lines;
	}

	private static void wrapOne(String text, double width, ToDoubleFunction<String> measure, List<String> lines) {
		int[] cps = text.codePoints().toArray();
		int start = 0;
		while (start < cps.length) {
			int end = start;
			double used = 0;
			while (end < cps.length) {
				double w = measure.applyAsDouble(new String(cps, end, 1));
				if (used + w > width && end > start) {
					break;
				}
				used += w;
				end++;
			}
			if (end < cps.length) {
				end = adjust(cps, start, end);
			}
			lines.add(new String(cps, start, end - start).stripTrailing());
			start = end;
			// a space at a break is the break itself
			while (start < cps.length && cps[start] == ' ') {
				start++;
			}
		}
		if (cps.length == 0) {
			lines.add("");
		}
	}

	/** Moves a break at {@code end} earlier until no rule is broken, but never to the line start. */
	private static int adjust(int[] cps, int start, int end) {
		int candidate = end;
		for (int guard = 0; guard < 8 && candidate > start + 1; guard++) {
			if (NOT_AT_LINE_START.indexOf(cps[candidate]) >= 0 || NOT_AT_LINE_END.indexOf(cps[candidate - 1]) >= 0) {
				candidate--;
				continue;
			}
			break;
		}
		if (isWordChar(cps[candidate]) && isWordChar(cps[candidate - 1])) {
			int wordStart = candidate;
			while (wordStart > start && isWordChar(cps[wordStart - 1])) {
				wordStart--;
			}
			if (wordStart > start) {
				candidate = wordStart;
			}
		}
		return candidate > start ? candidate : end;
	}

	private static boolean isWordChar(int cp) {
		return cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '/');
	}
}
