package org.tsumugi.claims.uke;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.tsumugi.claims.Severity;

/**
 * One record's fields with typed accessors that report, rather than throw, when a value is missing or
 * malformed: a bad field must not hide the rest of the file.
 */
final class Fields {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,10}(\\.[0-9]{1,5})?");

	private final String[] values;

	private final int count;

	private final int line;

	private final RecordType type;

	private final Consumer<UkeProblem> problems;

	Fields(String text, int line, RecordType type, Consumer<UkeProblem> problems) {
		this.line = line;
		this.type = type;
		this.problems = problems;
		this.values = split(text);
		this.count = countFields(text);
		checkCount();
	}

	int line() {
		return line;
	}

	/** Field {@code i} (1-based after the record id), empty when absent. */
	String text(int i) {
		return i < values.length && values[i] != null ? values[i] : "";
	}

	String required(int i) {
		String value = text(i);
		if (value.isEmpty()) {
			report(i, "UKE_FIELD_REQUIRED", Severity.ERROR, "必須項目が空です。");
		}
		return value;
	}

	Integer integer(int i, boolean required) {
		String value = required ? required(i) : text(i);
		if (value.isEmpty()) {
			return null;
		}
		int n = 0;
		boolean negative = value.charAt(0) == '-';
		int start = negative ? 1 : 0;
		if (start == value.length() || value.length() - start > 9) {
			return notNumber(i, value);
		}
		for (int k = start; k < value.length(); k++) {
			char c = value.charAt(k);
			if (c < '0' || c > '9') {
				return notNumber(i, value);
			}
			n = n * 10 + (c - '0');
		}
		return negative ? -n : n;
	}

	/** A decimal quantity (使用量, 数量データ) kept as text after validation. */
	String decimal(int i, boolean required) {
		String value = required ? required(i) : text(i);
		if (!value.isEmpty() && !DECIMAL.matcher(value).matches()) {
			report(i, "UKE_FIELD_NOT_NUMBER", Severity.ERROR, "数値ではありません" + shown(i, value) + "。");
		}
		return value;
	}

	LocalDate date(int i, boolean required) {
		String value = required ? required(i) : text(i);
		if (value.isEmpty()) {
			return null;
		}
		LocalDate date = UkeDates.date(value);
		if (date == null) {
			report(i, "UKE_FIELD_DATE", Severity.ERROR, "日付として読めません" + shown(i, value) + "。西暦8桁（YYYYMMDD）または和暦7桁で記録してください。");
		}
		return date;
	}

	YearMonth month(int i, boolean required) {
		String value = required ? required(i) : text(i);
		if (value.isEmpty()) {
			return null;
		}
		YearMonth month = UkeDates.month(value);
		if (month == null) {
			report(i, "UKE_FIELD_DATE", Severity.ERROR, "年月として読めません" + shown(i, value) + "。西暦6桁（YYYYMM）で記録してください。");
		}
		return month;
	}

	/** A code of digits with one of the allowed widths. */
	String code(int i, boolean required, int... widths) {
		String value = required ? required(i) : text(i);
		if (value.isEmpty()) {
			return value;
		}
		boolean widthOk = false;
		for (int w : widths) {
			widthOk |= value.length() == w;
		}
		if (!widthOk || !isDigits(value)) {
			report(i, "UKE_FIELD_CODE", Severity.ERROR, "コードの形式が正しくありません" + shown(i, value) + "（" + widthText(widths) + "桁の数字）。");
		}
		return value;
	}

	/** The 31 per-day fields starting at {@code from}: a count per day of the month, 0 when blank. */
	int[] days(int from) {
		int[] days = new int[31];
		for (int d = 0; d < 31; d++) {
			Integer n = integer(from + d, false);
			days[d] = n == null ? 0 : n;
		}
		return days;
	}

	void report(int i, String code, Severity severity, String detail) {
		problems.accept(UkeProblem.at(line, type.name(), type.fieldName(i), code, severity, detail));
	}

	private Integer notNumber(int i, String value) {
		report(i, "UKE_FIELD_NOT_NUMBER", Severity.ERROR, "数字ではありません" + shown(i, value) + "。");
		return null;
	}

	private String shown(int i, String value) {
		// Names, numbers on insurance cards and free text are personal: never repeat them.
		return type.isPrivate(i) ? "" : "（値: " + value + "）";
	}

	private void checkCount() {
		int expected = type.fieldCount();
		if (expected < 0 || count == expected) {
			return;
		}
		if (count < expected) {
			problems.accept(UkeProblem.at(line, type.name(), "", "UKE_FIELD_COUNT", Severity.ERROR,
					"項目数が不足しています（" + expected + "項目のはずが" + count + "項目）。行が途中で切れている可能性があります。"));
		}
		else {
			problems.accept(UkeProblem.at(line, type.name(), "", "UKE_FIELD_COUNT", Severity.WARNING,
					"項目数が多すぎます（" + expected + "項目のはずが" + count + "項目）。区切りのカンマが余分に入っている可能性があります。"));
		}
	}

	private static String widthText(int[] widths) {
		StringBuilder sb = new StringBuilder();
		for (int w : widths) {
			sb.append(sb.isEmpty() ? "" : "または").append(w);
		}
		return sb.toString();
	}

	static boolean isDigits(String value) {
		for (int k = 0; k < value.length(); k++) {
			char c = value.charAt(k);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return !value.isEmpty();
	}

	/** Splits on commas; UKE has no quoting, so a comma always separates. Index 0 is the record id. */
	static String[] split(String text) {
		int n = 1;
		for (int k = 0; k < text.length(); k++) {
			if (text.charAt(k) == ',') {
				n++;
			}
		}
		String[] out = new String[n];
		int start = 0;
		int f = 0;
		for (int k = 0; k < text.length(); k++) {
			if (text.charAt(k) == ',') {
				out[f++] = start == k ? "" : text.substring(start, k);
				start = k + 1;
			}
		}
		out[f] = start == text.length() ? "" : text.substring(start);
		return out;
	}

	private static int countFields(String text) {
		int n = 0;
		for (int k = 0; k < text.length(); k++) {
			if (text.charAt(k) == ',') {
				n++;
			}
		}
		return n;
	}

}
