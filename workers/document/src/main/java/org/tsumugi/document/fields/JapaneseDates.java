package org.tsumugi.document.fields;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates Japanese documents use: 和暦 with the era's name or initial (令和6年4月1日,
 * 令和元年5月1日, R6.4.1, H31/4/30), kanji numerals (令和六年四月一日), and Gregorian (2024年4月1日,
 * 2024/04/01). The era arithmetic is java.time's Japanese calendar, which also rejects dates that
 * do not exist in the named era (平成32年).
 */
public final class JapaneseDates {

	private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(Map.entry("明治", JapaneseEra.MEIJI),
			Map.entry("M", JapaneseEra.MEIJI), Map.entry("大正", JapaneseEra.TAISHO), Map.entry("T", JapaneseEra.TAISHO),
			Map.entry("昭和", JapaneseEra.SHOWA), Map.entry("S", JapaneseEra.SHOWA), Map.entry("平成", JapaneseEra.HEISEI),
			Map.entry("H", JapaneseEra.HEISEI), Map.entry("令和", JapaneseEra.REIWA), Map.entry("R", JapaneseEra.REIWA));

	private static final Pattern WAREKI = Pattern.compile(
			"(明治|大正|昭和|平成|令和|[MTSHR])\\s*(元|\\d{1,2})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SEIREKI = Pattern.compile(
			"(?<!\\d)(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})(?!\\d)\\s*日?");

	private static final String KANJI_DIGITS = "〇一二三四五六七八九";

	private static final Pattern KANJI_NUMBER = Pattern.compile("[〇一二三四五六七八九十]+");

	private JapaneseDates() {
	}

	/** The first date found in {@code text}, if any. */
	public static Optional<LocalDate> find(String text) {
		String normal = kanjiNumeralsToDigits(JapaneseText.normalize(text));
		Matcher wareki = WAREKI.matcher(normal);
		Matcher seireki = SEIREKI.matcher(normal);
		boolean hasWareki = wareki.find();
		boolean hasSeireki = seireki.find();
		try {
			if (hasWareki && (!hasSeireki || wareki.start() <= seireki.start())) {
				JapaneseEra era = ERAS.get(wareki.group(1).length() == 1 ? wareki.group(1).toUpperCase() : wareki.group(1));
				int year = wareki.group(2).equals("元") ? 1 : Integer.parseInt(wareki.group(2));
				return Optional.of(LocalDate.from(JapaneseDate.of(era, year, Integer.parseInt(wareki.group(3)),
						Integer.parseInt(wareki.group(4)))));
			}
			if (hasSeireki) {
				return Optional.of(LocalDate.of(Integer.parseInt(seireki.group(1)), Integer.parseInt(seireki.group(2)),
						Integer.parseInt(seireki.group(3))));
			}
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/** 二十三 → 23, 二〇二四 → 2024; only runs of kanji numerals are touched. */
	static String kanjiNumeralsToDigits(String text) {
		Matcher m = KANJI_NUMBER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Integer.toString(kanjiValue(m.group())));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static int kanjiValue(String run) {
		int ten = run.indexOf('十');
		if (ten < 0) {
			int value = 0;
			for (char c : run.toCharArray()) {
				value = value * 10 + KANJI_DIGITS.indexOf(c);
			}
			return value;
		}
		int tens = ten == 0 ? 1 : KANJI_DIGITS.indexOf(run.charAt(ten - 1));
		int ones = ten == run.length() - 1 ? 0 : KANJI_DIGITS.indexOf(run.charAt(ten + 1));
		return tens * 10 + ones;
	}
}
