package org.tsumugi.claims.uke;

import org.tsumugi.claims.Severity;

/**
 * Something wrong with the file itself, found while reading it.
 *
 * @param line 1-based line number, 0 when the problem concerns the whole file
 * @param recordType the two-letter record type, or empty when unknown
 * @param field the Japanese name of the field, or empty when the whole record is concerned
 * @param code a stable identifier (rule id) such as {@code UKE_FIELD_REQUIRED}
 * @param message a Japanese sentence a clerk understands, already naming line, record and field
 */
public record UkeProblem(int line, String recordType, String field, String code, Severity severity, String message) {

	static UkeProblem at(int line, String recordType, String field, String code, Severity severity, String detail) {
		StringBuilder where = new StringBuilder();
		if (line > 0) {
			where.append(line).append("行目");
		}
		if (!recordType.isEmpty()) {
			where.append(where.isEmpty() ? "" : " ").append(recordType).append("レコード");
		}
		if (!field.isEmpty()) {
			where.append("「").append(field).append("」");
		}
		String message = where.isEmpty() ? detail : where + ": " + detail;
		return new UkeProblem(line, recordType, field, code, severity, message);
	}

}
