package org.tsumugi.claims.rules;

import org.tsumugi.claims.CheckDigit;
import org.tsumugi.claims.Severity;
import org.tsumugi.claims.uke.UkeRecords.Ho;
import org.tsumugi.claims.uke.UkeRecords.Ko;

/**
 * 保険者番号, 公費負担者番号 and 受給者番号 carry a check digit; a wrong one means a typing mistake at the
 * reception desk and the receipt comes back (返戻). Numbers of 地方単独公費 listed in the settings are
 * exempt because municipalities number them their own way.
 */
final class PayerNumberRule implements ReceiptRule {

	static final String INSURER = "INSURER_CHECK_DIGIT";

	static final String PUBLIC_PAYER = "PUBLIC_PAYER_CHECK_DIGIT";

	static final String RECIPIENT = "RECIPIENT_CHECK_DIGIT";

	@Override
	public void check(RuleContext ctx) {
		Ho ho = ctx.receipt.ho();
		// Only well-formed numbers are judged here: a malformed one is already a reader problem.
		if (ho != null && digits(ho.insurerNo(), 6, 8) && !CheckDigit.valid(ho.insurerNo())) {
			ctx.report(INSURER, Severity.ERROR, "保険者番号「" + ho.insurerNo() + "」の検証番号（最後の1桁）が正しくありません。"
					+ "保険証の番号を確認してください。", ho.line());
		}
		int order = 0;
		for (Ko ko : ctx.receipt.publicFunds()) {
			order++;
			if (ctx.settings.localPublicLaws().contains(ko.lawCode())) {
				continue;
			}
			if (digits(ko.payerNo(), 8, 8) && !CheckDigit.valid(ko.payerNo())) {
				ctx.report(PUBLIC_PAYER, Severity.ERROR, "第" + order + "公費の公費負担者番号「" + ko.payerNo()
						+ "」の検証番号（最後の1桁）が正しくありません。受給者証を確認してください。", ko.line());
			}
			if (digits(ko.recipientNo(), 7, 7) && !CheckDigit.valid(ko.recipientNo())) {
				// The recipient number identifies a patient: name the position, not the number.
				ctx.report(RECIPIENT, Severity.ERROR, "第" + order + "公費の受給者番号の検証番号（最後の1桁）が正しくありません。"
						+ "受給者証を確認してください。", ko.line());
			}
		}
	}

	private static boolean digits(String number, int minLength, int maxLength) {
		if (number == null || number.length() < minLength || number.length() > maxLength) {
			return false;
		}
		for (int i = 0; i < number.length(); i++) {
			char c = number.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
