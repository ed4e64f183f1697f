package org.tsumugi.claims.rules;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.master.MasterEntry;
import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.uke.UkeRecords.Co;
import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.EmbeddedComment;
import org.tsumugi.claims.uke.UkeRecords.Sy;

/**
 * Runs the DMN tables over one receipt. Each distinct item code of the receipt is one evaluation, with these
 * variables (documented in the module README for table authors): {@code code}, {@code category},
 * {@code count} (回数 summed over the month), {@code ageYears}, {@code sex}, {@code diseaseCodes} (確定病名),
 * {@code suspectedCodes} (疑い病名), {@code codes} (all item codes of the month), {@code sameDayCodes}
 * (codes calculated on a day this item was), {@code commentCodes}.
 */
final class DecisionTableRule implements ReceiptRule {

	static final String TABLE_ERROR = "DMN_TABLE_ERROR";

	private final DecisionTables tables;

	private final Set<String> brokenTables = new HashSet<>();

	DecisionTableRule(DecisionTables tables) {
		this.tables = tables;
	}

	/** What is known of one item code within the receipt. */
	private static final class Item {

		final List<Integer> lines = new ArrayList<>(2);

		final boolean[] days = new boolean[31];

		String category = "";

		int count;

	}

	@Override
	public void check(RuleContext ctx) {
		Map<String, Item> items = new LinkedHashMap<>();
		Set<String> commentCodes = new LinkedHashSet<>();
		for (Detail detail : ctx.receipt.details()) {
			if (detail instanceof Co co) {
				commentCodes.add(co.code());
				continue;
			}
			Item item = items.computeIfAbsent(detail.code(), k -> new Item());
			item.lines.add(detail.line());
			item.category = detail.category();
			int[] days = detail.days();
			for (int d = 0; d < 31; d++) {
				item.days[d] |= days[d] > 0;
			}
			item.count += detail.count() == null ? 0 : detail.count();
			for (EmbeddedComment c : detail.comments()) {
				commentCodes.add(c.code());
			}
		}
		Map<String, Object> shared = null;
		for (DecisionTables.Table table : tables.tables()) {
			if (brokenTables.contains(table.source() + "#" + table.decisionId())) {
				continue;
			}
			for (Map.Entry<String, Item> e : items.entrySet()) {
				if (!table.mayMatch(e.getKey())) {
					continue;
				}
				if (shared == null) {
					shared = sharedVariables(ctx, items.keySet(), commentCodes);
				}
				Map<String, Object> variables = new HashMap<>(shared);
				variables.put("code", e.getKey());
				variables.put("category", e.getValue().category);
				variables.put("count", e.getValue().count);
				variables.put("sameDayCodes", sameDayCodes(e.getKey(), e.getValue(), items));
				try {
					for (Map<String, Object> row : tables.evaluate(table, variables)) {
						report(ctx, table, e.getKey(), e.getValue(), row);
					}
				}
				catch (DecisionTables.EvaluationException ex) {
					brokenTables.add(table.source() + "#" + table.decisionId());
					ctx.report(TABLE_ERROR, Severity.ERROR, "判定表「" + table.name() + "」（" + table.source() + "）を評価できません。"
							+ "この表による点検は行われていません。表を修正してください: " + ex.getMessage(), e.getValue().lines);
					break;
				}
			}
		}
	}

	private static void report(RuleContext ctx, DecisionTables.Table table, String code, Item item, Map<String, Object> row) {
		String ruleId = text(row.get("ruleId"), table.decisionId());
		Severity severity = severity(text(row.get("severity"), "WARNING"));
		String message = text(row.get("message"), table.name());
		ctx.report(ruleId, severity, "「" + itemName(ctx, code) + "」" + message, item.lines);
	}

	private static Map<String, Object> sharedVariables(RuleContext ctx, Set<String> codes, Set<String> commentCodes) {
		Map<String, Object> v = new HashMap<>();
		List<String> confirmed = new ArrayList<>();
		List<String> suspected = new ArrayList<>();
		for (Sy sy : ctx.receipt.diseases()) {
			(sy.suspected() ? suspected : confirmed).add(sy.code());
		}
		v.put("diseaseCodes", confirmed);
		v.put("suspectedCodes", suspected);
		v.put("codes", new ArrayList<>(codes));
		v.put("commentCodes", new ArrayList<>(commentCodes));
		v.put("sex", ctx.receipt.re().sex());
		if (ctx.receipt.re().birthDate() != null && ctx.month() != null) {
			v.put("ageYears", Period.between(ctx.receipt.re().birthDate(), ctx.month().atDay(1)).getYears());
		}
		else {
			v.put("ageYears", null);
		}
		return v;
	}

	private static List<String> sameDayCodes(String code, Item item, Map<String, Item> items) {
		List<String> same = new ArrayList<>();
		for (Map.Entry<String, Item> other : items.entrySet()) {
			if (other.getKey().equals(code)) {
				continue;
			}
			for (int d = 0; d < 31; d++) {
				if (item.days[d] && other.getValue().days[d]) {
					same.add(other.getKey());
					break;
				}
			}
		}
		return same;
	}

	private static String itemName(RuleContext ctx, String code) {
		MasterEntry.Kind kind = Masters.kindOfDetailCode(code);
		MasterEntry entry = kind == null ? null : ctx.masters.find(kind, code, null);
		return entry != null ? entry.name() : code;
	}

	private static String text(Object value, String fallback) {
		return value == null || value.toString().isBlank() ? fallback : value.toString();
	}

	/** Table authors may write the severity in English or as the clerk sees it. */
	static Severity severity(String text) {
		for (Severity s : Severity.values()) {
			if (s.name().equalsIgnoreCase(text.trim()) || s.label().equals(text.trim())) {
				return s;
			}
		}
		return Severity.WARNING;
	}

}
