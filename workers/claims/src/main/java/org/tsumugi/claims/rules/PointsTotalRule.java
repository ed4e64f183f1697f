package org.tsumugi.claims.rules;

import java.util.List;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.Ko;

/**
 * 合計点数 must equal the sum of 点数 × 回数 over the 摘要 lines. Within one 算定単位 only the last line carries
 * 点数, so lines without points add nothing. Meals (食事・生活療養) are money, not points, and are outside.
 */
final class PointsTotalRule implements ReceiptRule {

	static final String MISMATCH = "POINTS_TOTAL_MISMATCH";

	@Override
	public void check(RuleContext ctx) {
		long sum = 0;
		for (Detail detail : ctx.receipt.details()) {
			Integer points = detail.points();
			Integer count = detail.count();
			if (points != null && count != null) {
				sum += (long) points * count;
			}
		}
		if (ctx.receipt.ho() != null) {
			Integer total = ctx.receipt.ho().points();
			if (total != null && total != sum) {
				ctx.report(MISMATCH, Severity.ERROR, "医療保険の合計点数が" + total + "点ですが、摘要欄の点数×回数の合計は" + sum + "点です。",
						ctx.receipt.ho().line());
			}
		}
		else if (!ctx.receipt.publicFunds().isEmpty()) {
			// 公費単独: the first 公費 carries the receipt's total.
			Ko first = ctx.receipt.publicFunds().get(0);
			if (first.points() != null && first.points() != sum) {
				ctx.report(MISMATCH, Severity.ERROR, "第1公費の合計点数が" + first.points() + "点ですが、摘要欄の点数×回数の合計は" + sum + "点です。",
						List.of(first.line()));
			}
		}
	}

}
