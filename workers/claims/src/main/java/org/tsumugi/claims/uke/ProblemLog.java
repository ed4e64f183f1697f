package org.tsumugi.claims.uke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tsumugi.claims.Severity;

/**
 * File-level problems. A file in the wrong encoding has a problem on nearly every line; listing them all
 * would bury the clerk, so after a number of problems of one kind the rest are counted and reported as one
 * summary line: shortened, never silently dropped.
 */
final class ProblemLog {

	private final int limitPerCode;

	private final List<UkeProblem> problems = new ArrayList<>();

	private final Map<String, int[]> counts = new LinkedHashMap<>();

	ProblemLog(int limitPerCode) {
		this.limitPerCode = limitPerCode;
	}

	void add(UkeProblem problem) {
		int[] count = counts.computeIfAbsent(problem.code(), k -> new int[1]);
		if (count[0]++ < limitPerCode) {
			problems.add(problem);
		}
	}

	/** The problems kept, followed by one summary per kind that went over the limit. */
	List<UkeProblem> snapshot() {
		List<UkeProblem> out = new ArrayList<>(problems);
		counts.forEach((code, count) -> {
			if (count[0] > limitPerCode) {
				out.add(UkeProblem.at(0, "", "", code, Severity.INFO,
						"同じ種類の問題（" + code + "）が他に" + (count[0] - limitPerCode) + "件あります（最初の" + limitPerCode + "件のみ表示）。"));
			}
		});
		return out;
	}

	int total() {
		int n = 0;
		for (int[] c : counts.values()) {
			n += c[0];
		}
		return n;
	}

}
