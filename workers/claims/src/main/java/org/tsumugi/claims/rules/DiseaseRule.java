package org.tsumugi.claims.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.master.MasterEntry;
import org.tsumugi.claims.master.MasterEntry.Kind;
import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.Sy;

/**
 * Checks on the diagnoses (傷病名) that look at dates and outcomes: 疑い病名 left open too long, 転帰 codes,
 * the same diagnosis both continuing and closed, diagnoses that start in the future or only after the
 * treatment they should justify.
 */
final class DiseaseRule implements ReceiptRule {

	static final String SUSPECTED_LONG = "SUSPECTED_DISEASE_LONG";

	static final String OUTCOME_INVALID = "OUTCOME_CODE_INVALID";

	static final String OUTCOME_CONFLICT = "OUTCOME_CONFLICT";

	static final String START_FUTURE = "DISEASE_START_FUTURE";

	static final String AFTER_TREATMENT = "DISEASE_AFTER_TREATMENT";

	static final String UNCODED = "DISEASE_UNCODED";

	static final String CONTINUING = "1";

	private static final Set<String> VALID_OUTCOMES = Set.of("1", "2", "3", "4");

	@Override
	public void check(RuleContext ctx) {
		YearMonth month = ctx.month();
		List<Sy> diseases = ctx.receipt.diseases();
		Map<String, Sy> continuing = new HashMap<>();
		for (Sy sy : diseases) {
			if (CONTINUING.equals(sy.outcome())) {
				continuing.put(key(sy), sy);
			}
		}
		for (Sy sy : diseases) {
			String name = name(ctx, sy);
			if (!sy.outcome().isEmpty() && !VALID_OUTCOMES.contains(sy.outcome())) {
				ctx.report(OUTCOME_INVALID, Severity.ERROR, "傷病名「" + name + "」の転帰区分「" + sy.outcome()
						+ "」は使えません（1 継続, 2 治ゆ, 3 死亡, 4 中止）。", sy.line());
			}
			Sy open = continuing.get(key(sy));
			if (!CONTINUING.equals(sy.outcome()) && open != null) {
				ctx.report(OUTCOME_CONFLICT, Severity.WARNING, "傷病名「" + name + "」が継続と" + outcomeName(sy.outcome())
						+ "の両方で記録されています。転帰を確認してください。", List.of(open.line(), sy.line()));
			}
			if (Sy.UNCODED.equals(sy.code())) {
				ctx.report(UNCODED, Severity.INFO, "未コード化傷病名です。傷病名マスターにある病名に置き換えられないか確認してください。", sy.line());
			}
			if (month == null || sy.startDate() == null) {
				continue;
			}
			if (sy.startDate().isAfter(month.atEndOfMonth())) {
				ctx.report(START_FUTURE, Severity.ERROR, "傷病名「" + name + "」の診療開始日（" + sy.startDate() + "）が診療月より後です。", sy.line());
			}
			if (sy.suspected() && CONTINUING.equals(sy.outcome())) {
				long months = ChronoUnit.MONTHS.between(YearMonth.from(sy.startDate()), month);
				if (months >= ctx.settings.suspectedMonths()) {
					ctx.report(SUSPECTED_LONG, Severity.WARNING, "疑い病名「" + name + "」が診療開始日（" + sy.startDate() + "）から" + months
							+ "か月続いています。確定病名にするか、転帰（中止など）を入力してください。", sy.line());
				}
			}
		}
		checkStartAfterTreatment(ctx, diseases);
	}

	/**
	 * Treatment needs a diagnosis that existed on its day. When every diagnosis starts after the first day
	 * anything was calculated this month, that first day's treatment had no diagnosis at all.
	 */
	private static void checkStartAfterTreatment(RuleContext ctx, List<Sy> diseases) {
		if (diseases.isEmpty() || ctx.month() == null) {
			return;
		}
		LocalDate firstTreatment = null;
		int firstLine = 0;
		for (Detail detail : ctx.receipt.details()) {
			LocalDate day = ctx.firstDay(detail);
			if (day != null && (firstTreatment == null || day.isBefore(firstTreatment))) {
				firstTreatment = day;
				firstLine = detail.line();
			}
		}
		if (firstTreatment == null) {
			return;
		}
		List<Integer> lines = new ArrayList<>();
		for (Sy sy : diseases) {
			if (sy.startDate() == null || !sy.startDate().isAfter(firstTreatment)) {
				return;
			}
			lines.add(sy.line());
		}
		lines.add(firstLine);
		ctx.report(AFTER_TREATMENT, Severity.WARNING, firstTreatment.getDayOfMonth() + "日に診療行為を算定していますが、"
				+ "その日より前に始まった傷病名がありません。診療開始日を確認してください。", lines);
	}

	static String name(RuleContext ctx, Sy sy) {
		if (Sy.UNCODED.equals(sy.code()) && !sy.name().isEmpty()) {
			return sy.name();
		}
		MasterEntry entry = ctx.masters.find(Kind.DISEASE, sy.code(), null);
		String base = entry != null ? entry.name() : "コード" + sy.code();
		StringBuilder prefix = new StringBuilder();
		StringBuilder suffix = new StringBuilder();
		for (String modifier : sy.modifiers()) {
			MasterEntry m = ctx.masters.find(Kind.MODIFIER, modifier, null);
			if (m == null) {
				continue;
			}
			if (modifier.startsWith("8")) {
				suffix.append(m.name());
			}
			else {
				prefix.append(m.name());
			}
		}
		return prefix + base + suffix;
	}

	private static String key(Sy sy) {
		return sy.code() + "/" + String.join("", sy.modifiers()) + "/" + (Sy.UNCODED.equals(sy.code()) ? sy.name() : "");
	}

	private static String outcomeName(String outcome) {
		return switch (outcome) {
			case "2" -> "治ゆ";
			case "3" -> "死亡";
			case "4" -> "中止";
			default -> "転帰「" + outcome + "」";
		};
	}

}
