package org.tsumugi.claims.rules;

import java.util.List;

import org.tsumugi.claims.Severity;

/**
 * One thing a clerk should look at.
 *
 * @param receiptNo レセプト番号, or null for a problem of the file as a whole
 * @param department 診療科 code of the receipt (first RE 診療科), empty when none; reviews group by it
 * @param ruleId stable id of the rule, listed in the module README
 * @param message Japanese, written for a clerk
 * @param lines the file lines the finding points at, ascending
 */
public record Finding(Integer receiptNo, String department, String ruleId, Severity severity, String message,
		List<Integer> lines) {

	public Finding {
		lines = List.copyOf(lines);
	}

}
