package org.tsumugi.document.ocr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back symbols of medical notation that Tesseract's Japanese model reads as look-alikes, only where
 * the context leaves no other reading: a body temperature's ℃ (read as 「で」 or C), the ㎡ of eGFR's
 * {@code /1.73㎡} (read as nm or m2), and the Roman numerals of ECG leads in a list ending with aVR, aVL or
 * aVF (Ⅲ read as 「川」, Ⅱ as Il); and (session 4) the wave dash of a range between numbers (read as 「て」), the
 * kanji 腎 in its compounds (read as 堅) and mmHg after a number (read as mmHsg); (session 5) Ⅱ and Ⅲ of a grade
 * before 度, 型, 期 (read as Il and 吊). Measured on the accuracy
 * corpus and held-out sets (docs/benchmarks.md); anything outside these contexts is left exactly as read.
 */
final class MedicalNotation {

	/** 34.0–42.9 followed by a misread ℃ and then a space, punctuation or the end of the line. */
	private static final Pattern TEMPERATURE = Pattern
		.compile("(?<![\\d.])((?:3[4-9]|4[0-2])\\.\\d)\\s?(?:で|°C|'C|C)(?=[\\s、。,)）]|$)");

	/** eGFR is always per 1.73㎡ of body surface. */
	private static final Pattern EGFR_AREA = Pattern.compile("(/\\s?1\\.73)\\s?(?:nm|rn2|m2|m²|nf)(?![\\w])");

	/** A list of limb leads ending in an augmented lead: 「Ⅱ、Ⅲ、aVF」. */
	private static final Pattern LEAD_LIST = Pattern
		.compile("(?<![\\p{IsHan}\\p{IsKatakana}A-Za-z])((?:(?:川|Ⅲ|Ⅱ|[Il]{2,3})\\s?[、,]\\s?)+)(aV[RLF])");

	private static final Pattern LEAD = Pattern.compile("川|Ⅲ|Ⅱ|[Il]{2,3}");

	/**
	 * 「130～140」「V4～V6」: the particle て follows a verb or adjective, never a digit, and nothing in Japanese
	 * puts a digit right after it either; between a digit and a number (or a lead such as V6) it can only be the
	 * range's wave dash.
	 */
	private static final Pattern RANGE_DASH = Pattern.compile("(?<=\\d)て(?=\\d|[A-Za-z]\\d)");

	/**
	 * 堅 (firm) forms no word with 臓, 機能, 不全, 盂 …, while 腎 (kidney) does; nor does 副堅 exist beside 副腎. 堅 is
	 * left alone in 堅固, 中堅, 堅実, 堅い.
	 */
	private static final Pattern KIDNEY = Pattern
		.compile("堅(?=臓|機能|不全|炎|症|盂|生検|移植|結石|嚢胞|障害|代替)|(?<=副)堅");

	/** A pressure after a number is in mmHg; the model sometimes adds a letter between H and g. */
	private static final Pattern MM_HG = Pattern.compile("(?<=\\d\\s?)mmH[a-z]g(?![A-Za-z])");

	/**
	 * Grades written in Roman numerals: NYHA Ⅱ度, Ⅲ度高血圧, Ⅱ型糖尿病, Ⅳ期. The model has no Roman numerals and prints
	 * Ⅱ as two strokes (Il, ll) and Ⅲ as 「川」 or 「吊」; none of these forms a word with 度, 型, 期, 群 or 相. Ⅰ, read
	 * as the digit 1, is left alone: 「1度」 and 「1型」 are written with the digit too.
	 */
	private static final Pattern GRADE_TWO = Pattern.compile("(?<![A-Za-z0-9])(?:Il|lI|ll)(?=度|型|期|群|相)");

	private static final Pattern GRADE_THREE = Pattern
		.compile("(?<![\\p{IsHan}A-Za-z0-9])(?:川|吊|Ill|lll|IIl)(?=度|型|期|群|相)");

	private MedicalNotation() {
	}

	static String restore(String text) {
		String result = TEMPERATURE.matcher(text).replaceAll("$1℃");
		result = EGFR_AREA.matcher(result).replaceAll("$1㎡");
		result = RANGE_DASH.matcher(result).replaceAll("～");
		result = KIDNEY.matcher(result).replaceAll("腎");
		result = MM_HG.matcher(result).replaceAll("mmHg");
		result = GRADE_TWO.matcher(result).replaceAll("Ⅱ");
		result = GRADE_THREE.matcher(result).replaceAll("Ⅲ");
		Matcher leads = LEAD_LIST.matcher(result);
		StringBuilder out = new StringBuilder();
		while (leads.find()) {
			String list = LEAD.matcher(leads.group(1)).replaceAll(m -> lead(m.group())).replaceAll("\\s?([、,])\\s?", "$1");
			leads.appendReplacement(out, Matcher.quoteReplacement(list + leads.group(2)));
		}
		leads.appendTail(out);
		return out.toString();
	}

	/** 「川」 and three strokes are Ⅲ, two strokes Ⅱ. */
	private static String lead(String token) {
		return token.equals("川") || token.length() == 3 ? "Ⅲ" : token.equals("Ⅲ") ? "Ⅲ" : "Ⅱ";
	}

}
