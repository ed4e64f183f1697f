package org.tsumugi.claims.uke;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Dates as UKE writes them. Current files use the Gregorian calendar (YYYYMMDD, YYYYMM); files written
 * before the switch, and date-type comment data, use a one-digit era code and a two-digit era year
 * (GYYMMDD, GYYMM), so both are accepted.
 */
public final class UkeDates {

	// First Gregorian year of each era, indexed by the era code 1 明治 … 5 令和.
	private static final int[] ERA_START = { 0, 1868, 1912, 1926, 1989, 2019 };

	private UkeDates() {
	}

	/** Parses YYYYMMDD or GYYMMDD; returns null when the text is neither. */
	public static LocalDate date(String text) {
		try {
			if (text.length() == 8 && digits(text)) {
				return LocalDate.of(num(text, 0, 4), num(text, 4, 6), num(text, 6, 8));
			}
			if (text.length() == 7 && digits(text)) {
				int year = eraYear(text.charAt(0) - '0', num(text, 1, 3));
				return year < 0 ? null : LocalDate.of(year, num(text, 3, 5), num(text, 5, 7));
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

	/** Parses YYYYMM or GYYMM; returns null when the text is neither. */
	public static YearMonth month(String text) {
		try {
			if (text.length() == 6 && digits(text)) {
				return YearMonth.of(num(text, 0, 4), num(text, 4, 6));
			}
			if (text.length() == 5 && digits(text)) {
				int year = eraYear(text.charAt(0) - '0', num(text, 1, 3));
				return year < 0 ? null : YearMonth.of(year, num(text, 3, 5));
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

	private static int eraYear(int era, int yearOfEra) {
		if (era < 1 || era >= ERA_START.length || yearOfEra < 1) {
			return -1;
		}
		return ERA_START[era] + yearOfEra - 1;
	}

	private static boolean digits(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int num(String text, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			n = n * 10 + (text.charAt(i) - '0');
		}
		return n;
	}

}
