package org.tsumugi.claims.rules;

import java.util.ArrayList;
import java.util.List;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.master.MasterEntry;
import org.tsumugi.claims.master.MasterEntry.Kind;
import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.Ho;
import org.tsumugi.claims.uke.UkeRecords.Ko;
import org.tsumugi.claims.uke.UkeRecords.Si;

/**
 * 診療実日数 must match the days on which the patient was actually seen. For outpatients those are the days
 * with an item whose 診療行為 master marks it as counting for 実日数 (初診, 再診 …). A 公費 cannot have more
 * days than the health insurance, and no payer more days than the month has.
 */
final class ActualDaysRule implements ReceiptRule {

	static final String MISMATCH = "ACTUAL_DAYS_MISMATCH";

	static final String PUBLIC_EXCEEDS = "ACTUAL_DAYS_PUBLIC_EXCEEDS";

	static final String OVER_MONTH = "ACTUAL_DAYS_OVER_MONTH";

	@Override
	public void check(RuleContext ctx) {
		Ho ho = ctx.receipt.ho();
		int monthLength = ctx.month() == null ? 31 : ctx.month().lengthOfMonth();
		if (ho != null && ho.days() != null && ho.days() > monthLength) {
			ctx.report(OVER_MONTH, Severity.ERROR, "診療実日数（" + ho.days() + "日）がその月の日数（" + monthLength + "日）を超えています。", ho.line());
		}
		for (Ko ko : ctx.receipt.publicFunds()) {
			if (ho != null && ho.days() != null && ko.days() != null && ko.days() > ho.days()) {
				ctx.report(PUBLIC_EXCEEDS, Severity.ERROR, "公費の診療実日数（" + ko.days() + "日）が医療保険の診療実日数（" + ho.days()
						+ "日）を超えています。", List.of(ho.line(), ko.line()));
			}
		}
		if (ctx.receipt.re().inpatient()) {
			// Inpatient 実日数 follows the days in hospital, which this rule does not model yet.
			return;
		}
		boolean[] seen = new boolean[31];
		List<Integer> lines = new ArrayList<>();
		for (Detail detail : ctx.receipt.details()) {
			if (!(detail instanceof Si si)) {
				continue;
			}
			MasterEntry entry = ctx.masters.find(Kind.PROCEDURE, si.code(), ctx.masterDay(si));
			if (entry == null || !entry.countsActualDay()) {
				continue;
			}
			lines.add(si.line());
			for (int d = 0; d < 31; d++) {
				seen[d] |= si.days()[d] > 0;
			}
		}
		if (lines.isEmpty()) {
			return;
		}
		int counted = 0;
		for (boolean s : seen) {
			counted += s ? 1 : 0;
		}
		if (ho != null && ho.days() != null && ho.days() != counted) {
			lines.add(ho.line());
			ctx.report(MISMATCH, Severity.WARNING, "診療実日数が" + ho.days() + "日ですが、初診・再診など実日数に数える診療行為を算定した日は" + counted
					+ "日です。", lines);
		}
		for (Ko ko : ctx.receipt.publicFunds()) {
			if (ho == null && ko.days() != null && ko.days() != counted) {
				List<Integer> koLines = new ArrayList<>(lines);
				koLines.add(ko.line());
				ctx.report(MISMATCH, Severity.WARNING, "公費の診療実日数が" + ko.days() + "日ですが、初診・再診など実日数に数える診療行為を算定した日は"
						+ counted + "日です。", koLines);
			}
		}
	}

}
