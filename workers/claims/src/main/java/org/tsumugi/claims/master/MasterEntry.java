package org.tsumugi.claims.master;

import java.time.LocalDate;

/**
 * One version of one code in a master, with the columns the checks read.
 *
 * @param kind which master it came from
 * @param points 点数 (診療行為) or price (医薬品, 特定器材) as written; empty where the master has none
 * @param countsActualDay 診療行為 whose 実日数 column says the day counts as a day of treatment
 * @param monthlyLimit 上限回数 from the 診療行為 master, null when none
 * @param extra the modifier's 区分 (修飾語) or the comment's pattern (コメント)
 */
public record MasterEntry(Kind kind, String code, String name, String points, boolean countsActualDay, Integer monthlyLimit,
		String extra, LocalDate validFrom, LocalDate validTo) {

	/** The six masters. */
	public enum Kind {
		PROCEDURE("診療行為"), DRUG("医薬品"), MATERIAL("特定器材"), DISEASE("傷病名"), MODIFIER("修飾語"), COMMENT("コメント");

		private final String title;

		Kind(String title) {
			this.title = title;
		}

		public String title() {
			return title;
		}
	}

	/** In force on the day: 変更年月日 ≤ day ≤ 廃止年月日. */
	public boolean validOn(LocalDate day) {
		return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
	}

}
