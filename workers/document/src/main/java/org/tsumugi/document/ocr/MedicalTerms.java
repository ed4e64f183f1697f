package org.tsumugi.document.ocr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back medical terms containing characters the model cannot print (see medical-lexicon.txt): 「多発性裏胞腎」
 * becomes 多発性嚢胞腎 because the model has no 嚢 and prints a look-alike kanji in its place. Only the
 * positions of such characters change, only where the rest of the term was read exactly, and never where
 * that position belongs to a term the model reads whole (「両下肢」 stays, although 両下腿 is in the lexicon).
 */
final class MedicalTerms {

	private static final String LEXICON = "medical-lexicon.txt";

	private final List<Repair> repairs = new ArrayList<>();

	private final List<String> readableTerms = new ArrayList<>();

	private MedicalTerms(List<String> terms, Set<String> readable) {
		for (String term : terms) {
			List<Integer> gaps = new ArrayList<>();
			StringBuilder pattern = new StringBuilder();
			boolean symbolGap = false;
			int[] codePoints = term.codePoints().toArray();
			for (int i = 0; i < codePoints.length; i++) {
				String character = Character.toString(codePoints[i]);
				if (readable.contains(character)) {
					pattern.append(Pattern.quote(character));
				}
				else {
					gaps.add(i);
					boolean kanji = Character.UnicodeScript.of(codePoints[i]) == Character.UnicodeScript.HAN;
					symbolGap |= !kanji;
					// a kanji is misread as another kanji; a symbol as a digit, a letter or a small kana
					pattern.append(kanji ? "\\p{IsHan}" : "[^\\s\\p{IsHan}\\p{IsHiragana}]");
				}
			}
			int anchors = codePoints.length - gaps.size();
			if (gaps.isEmpty()) {
				readableTerms.add(term);
			}
			else if (anchors >= (symbolGap ? 3 : 2)) {
				repairs.add(new Repair(term, Pattern.compile(pattern.toString()), gaps));
			}
		}
		// 多発性嚢胞腎 before 嚢胞: the longer term decides
		repairs.sort(Comparator.comparingInt((Repair repair) -> -repair.term.length()));
	}

	/** The lexicon of the module, for a model that prints the given characters. */
	static MedicalTerms forModel(Set<String> readable) {
		try (var in = MedicalTerms.class.getResourceAsStream(LEXICON);
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return new MedicalTerms(reader.lines().map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList(), readable);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String restore(String text) {
		String result = text;
		for (Repair repair : repairs) {
			Matcher matcher = repair.pattern.matcher(result);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				String replacement = protectedAt(result, matcher.start(), repair.gaps) ? matcher.group() : repair.term;
				matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
			}
			matcher.appendTail(out);
			result = out.toString();
		}
		return result;
	}

	/** Whether a term the model reads whole covers one of the positions a repair would change. */
	private boolean protectedAt(String text, int start, List<Integer> gaps) {
		for (int gap : gaps) {
			int position = text.offsetByCodePoints(start, gap);
			for (String term : readableTerms) {
				int from = Math.max(0, position - term.length() + 1);
				int found = text.indexOf(term, from);
				if (found >= 0 && found <= position) {
					return true;
				}
			}
		}
		return false;
	}

	private record Repair(String term, Pattern pattern, List<Integer> gaps) {
	}
}
