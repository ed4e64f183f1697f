package org.tsumugi.claims.rules;

import java.util.List;
import java.util.function.Consumer;

import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.uke.Receipt;
import org.tsumugi.claims.uke.UkeProblem;

/**
 * All checks for one receipt: the reader's problems in its lines, the Java rules, then the DMN tables.
 * Not thread-safe (it remembers broken tables); use one per thread.
 */
public final class RuleSet {

	private final Masters masters;

	private final RuleSettings settings;

	private final List<ReceiptRule> rules;

	public RuleSet(Masters masters, DecisionTables tables, RuleSettings settings) {
		this.masters = masters;
		this.settings = settings;
		this.rules = List.of(new MasterCodeRule(), new ReceiptKindRule(), new PayerNumberRule(), new ActualDaysRule(), new DiseaseRule(),
				new PointsTotalRule(), new DecisionTableRule(tables));
	}

	/** Checks one receipt and hands every finding to {@code out}. */
	public void check(Receipt receipt, Consumer<Finding> out) {
		String department = receipt.re().departments().isEmpty() ? "" : receipt.re().departments().get(0).name();
		for (UkeProblem problem : receipt.problems()) {
			out.accept(new Finding(receipt.receiptNo(), department, problem.code(), problem.severity(), problem.message(),
					List.of(problem.line())));
		}
		RuleContext ctx = new RuleContext(receipt, masters, settings, out);
		for (ReceiptRule rule : rules) {
			rule.check(ctx);
		}
	}

}
