package org.tsumugi.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.rules.DecisionTables;
import org.tsumugi.claims.rules.Finding;
import org.tsumugi.claims.rules.RuleSet;
import org.tsumugi.claims.rules.RuleSettings;

/** Test fixture: the rules with the synthetic masters and the bundled decision tables, loaded once. */
public final class Checks {

	public static final Masters MASTERS = Masters.synthetic();

	public static final DecisionTables TABLES = load();

	private Checks() {
	}

	private static DecisionTables load() {
		try {
			return DecisionTables.bundled();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Findings for a single receipt made of these lines (wrapped in IR … GO). */
	public static List<Finding> findings(List<String> receiptLines) {
		return findings(receiptLines, RuleSettings.defaults());
	}

	public static List<Finding> findings(List<String> receiptLines, RuleSettings settings) {
		RuleSet rules = new RuleSet(MASTERS, TABLES, settings);
		List<Finding> out = new ArrayList<>();
		rules.check(Uke.receiptOf(receiptLines), out::add);
		return out;
	}

	/** Only the findings of one rule. */
	public static List<Finding> findings(List<String> receiptLines, String ruleId) {
		return findings(receiptLines).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
	}

}
