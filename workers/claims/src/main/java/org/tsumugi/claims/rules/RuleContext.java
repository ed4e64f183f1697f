package org.tsumugi.claims.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.uke.Receipt;
import org.tsumugi.claims.uke.UkeRecords.Detail;

/** One receipt under check, with what the rules need to know about it and where findings go. */
final class RuleContext {

	final Receipt receipt;

	final Masters masters;

	final RuleSettings settings;

	private final Consumer<Finding> out;

	private final String department;

	RuleContext(Receipt receipt, Masters masters, RuleSettings settings, Consumer<Finding> out) {
		this.receipt = receipt;
		this.masters = masters;
		this.settings = settings;
		this.out = out;
		this.department = receipt.re().departments().isEmpty() ? "" : receipt.re().departments().get(0).name();
	}

	/** 診療年月, or null when the RE record had none readable (date rules then stay silent). */
	YearMonth month() {
		return receipt.re().month();
	}

	void report(String ruleId, Severity severity, String message, List<Integer> lines) {
		List<Integer> sorted = new ArrayList<>(lines);
		sorted.sort(null);
		out.accept(new Finding(receipt.receiptNo(), department, ruleId, severity, message, sorted));
	}

	void report(String ruleId, Severity severity, String message, int line) {
		out.accept(new Finding(receipt.receiptNo(), department, ruleId, severity, message, List.of(line)));
	}

	/** The first day of the month on which the line was calculated, or null. */
	LocalDate firstDay(Detail detail) {
		int[] days = detail.days();
		if (days == null || month() == null) {
			return null;
		}
		for (int d = 0; d < days.length; d++) {
			if (days[d] > 0 && d < month().lengthOfMonth()) {
				return month().atDay(d + 1);
			}
		}
		return null;
	}

	/** The day used to pick a master version: the line's first day, else the first of the month. */
	LocalDate masterDay(Detail detail) {
		LocalDate day = firstDay(detail);
		return day != null ? day : month() != null ? month().atDay(1) : null;
	}

}
