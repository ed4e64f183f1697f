package org.tsumugi.referral.notice;

import java.util.Map;

/** The requester's messages by notice code (Japanese, without patient data). */
public final class Notices {

	public static final Map<String, String> MESSAGES = Map.of(
			"COMPLETED", "診療情報提供書が承認されました。PDF と FHIR 文書を文書保管庫に保存し、電子カルテに登録しました。",
			"PATIENT_NOT_FOUND", "電子カルテに該当する患者がいないため、診療情報提供書を作成できませんでした。患者IDを確認して依頼し直してください。",
			"REJECTED", "診療情報提供書の下書きは確認した医師により却下されました。");

	private Notices() {
	}

	public static String message(String code) {
		return MESSAGES.getOrDefault(code, "診療情報提供書の依頼について、お知らせがあります（" + code + "）。");
	}
}
