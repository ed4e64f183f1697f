package org.tsumugi.referral.letter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of the official form (別紙様式11), one text per section. The process carries each section
 * in its own variable so that the review form can edit them one by one.
 */
public record Sections(String purpose, String diagnosis, String history, String courseAndResults, String treatment,
		String prescription, String remarks) {

	/** Variable name → the section's heading on the form, in the form's order. */
	public static final Map<String, String> HEADINGS = headings();

	private static Map<String, String> headings() {
		Map<String, String> headings = new LinkedHashMap<>();
		headings.put("letterPurpose", "紹介目的");
		headings.put("letterDiagnosis", "傷病名");
		headings.put("letterHistory", "既往歴及び家族歴");
		headings.put("letterCourse", "症状経過及び検査結果");
		headings.put("letterTreatment", "治療経過");
		headings.put("letterPrescription", "現在の処方");
		headings.put("letterRemarks", "備考");
		return java.util.Collections.unmodifiableMap(headings);
	}

	public Map<String, Object> toVariables() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("letterPurpose", purpose);
		v.put("letterDiagnosis", diagnosis);
		v.put("letterHistory", history);
		v.put("letterCourse", courseAndResults);
		v.put("letterTreatment", treatment);
		v.put("letterPrescription", prescription);
		v.put("letterRemarks", remarks);
		return v;
	}

	public static Sections fromVariables(Map<String, ?> v) {
		return new Sections(text(v, "letterPurpose"), text(v, "letterDiagnosis"), text(v, "letterHistory"),
				text(v, "letterCourse"), text(v, "letterTreatment"), text(v, "letterPrescription"),
				text(v, "letterRemarks"));
	}

	/** These sections with some replaced (variable name → text). */
	public Sections with(Map<String, String> replacements) {
		Map<String, Object> v = toVariables();
		v.putAll(replacements);
		return fromVariables(v);
	}

	private static String text(Map<String, ?> v, String name) {
		Object value = v.get(name);
		return value == null ? "" : value.toString();
	}
}
