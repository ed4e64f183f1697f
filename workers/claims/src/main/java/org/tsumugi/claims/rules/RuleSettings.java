package org.tsumugi.claims.rules;

import java.util.Set;

/**
 * What a hospital may tune in the Java rules.
 *
 * @param suspectedMonths a 疑い病名 still open this many months after it started is flagged (ORCA lets 1–9;
 *     2 is a common choice)
 * @param localPublicLaws 法別番号 of 地方単独公費 whose numbers do not follow the national check-digit rule
 */
public record RuleSettings(int suspectedMonths, Set<String> localPublicLaws) {

	public static RuleSettings defaults() {
		return new RuleSettings(2, Set.of());
	}

}
