package org.tsumugi.claims.check;

import java.nio.file.Path;
import java.util.Map;

import org.tsumugi.claims.Severity;

/**
 * The small result of a check that may travel in process variables; the findings themselves are in
 * {@code findingsFile}.
 *
 * @param receiptsRead receipts read from the files (all of them, also outside the batch)
 * @param receiptsChecked receipts of the batch that were checked
 */
public record CheckSummary(int receiptsRead, int receiptsChecked, int receiptsWithFindings, int findings,
		Map<Severity, Integer> bySeverity, Map<String, Integer> byRule, Path findingsFile) {

	public int count(Severity severity) {
		return bySeverity.getOrDefault(severity, 0);
	}

}
