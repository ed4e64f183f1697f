package org.tsumugi.claims.rules;

import java.util.ArrayList;
import java.util.List;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.uke.UkeRecords.Ko;
import org.tsumugi.claims.uke.UkeRecords.Re;

/**
 * レセプト種別 says who pays: its second digit 1 (医療保険, with or without 公費) or 2 (公費 only), its third
 * digit how many payers in all. The HO and KO records must say the same, or the payer sorts the receipt
 * wrongly and returns it.
 */
final class ReceiptKindRule implements ReceiptRule {

	static final String KIND_PAYERS = "RECEIPT_KIND_PAYERS";

	@Override
	public void check(RuleContext ctx) {
		Re re = ctx.receipt.re();
		String kind = re.kind();
		if (kind == null || kind.length() != 4 || !Character.isDigit(kind.charAt(1)) || !Character.isDigit(kind.charAt(2))) {
			return;
		}
		boolean insured = kind.charAt(1) == '1';
		boolean publicOnly = kind.charAt(1) == '2';
		int payers = kind.charAt(2) - '0';
		boolean hasHo = ctx.receipt.ho() != null;
		int kos = ctx.receipt.publicFunds().size();
		String expected;
		if (insured) {
			expected = "医療保険" + (payers > 1 ? "と公費" + (payers - 1) + "つ" : "単独");
		}
		else if (publicOnly) {
			expected = "公費" + payers + "つ（医療保険なし）";
		}
		else {
			return;
		}
		boolean ok = insured ? hasHo && kos == payers - 1 : !hasHo && kos == payers;
		if (ok) {
			return;
		}
		List<Integer> lines = new ArrayList<>();
		lines.add(re.line());
		if (hasHo) {
			lines.add(ctx.receipt.ho().line());
		}
		for (Ko ko : ctx.receipt.publicFunds()) {
			lines.add(ko.line());
		}
		String actual = (hasHo ? "医療保険あり" : "医療保険なし") + "・公費" + kos + "つ";
		ctx.report(KIND_PAYERS, Severity.ERROR, "レセプト種別「" + kind + "」は" + expected + "ですが、記録は" + actual + "です。"
				+ "レセプト種別か保険・公費の記録を確認してください。", lines);
	}

}
