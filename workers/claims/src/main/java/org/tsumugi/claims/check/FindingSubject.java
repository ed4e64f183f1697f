package org.tsumugi.claims.check;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.tsumugi.claims.uke.Receipt;
import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.Ko;
import org.tsumugi.claims.uke.UkeRecords.Sy;

/**
 * What a finding points at, in words that survive a re-export: the record type and code of each line
 * (「IY:620000001」), not the line number, which changes as soon as the レセコン writes the receipts in another
 * order. Only built for receipts with findings, so clean receipts cost nothing.
 */
final class FindingSubject {

	private FindingSubject() {
	}

	/** The sorted, distinct record codes at {@code lines}, separated by spaces; empty when no line is given. */
	static String of(Receipt receipt, List<Integer> lines) {
		TreeSet<String> tokens = new TreeSet<>();
		for (int line : lines) {
			tokens.add(token(receipt, line));
		}
		return String.join(" ", tokens);
	}

	private static String token(Receipt receipt, int line) {
		if (receipt.re().line() == line) {
			return "RE";
		}
		if (receipt.ho() != null && receipt.ho().line() == line) {
			return "HO:" + receipt.ho().insurerNo();
		}
		for (Ko ko : receipt.publicFunds()) {
			if (ko.line() == line) {
				return "KO:" + ko.payerNo();
			}
		}
		for (Sy sy : receipt.diseases()) {
			if (sy.line() == line) {
				return "SY:" + sy.code();
			}
		}
		for (Detail detail : receipt.details()) {
			if (detail.line() == line) {
				return detail.getClass().getSimpleName().toUpperCase(Locale.ROOT) + ":" + detail.code();
			}
		}
		// SN, JD, MF, SJ and the rest carry no code a rule names; their kind is what identifies them.
		return recordTypeAt(receipt, line);
	}

	private static String recordTypeAt(Receipt receipt, int line) {
		if (receipt.eligibility().stream().anyMatch(r -> r.line() == line)) {
			return "SN";
		}
		if (receipt.visitDays().stream().anyMatch(r -> r.line() == line)) {
			return "JD";
		}
		if (receipt.windowPayments().stream().anyMatch(r -> r.line() == line)) {
			return "MF";
		}
		if (receipt.symptomNotes().stream().anyMatch(r -> r.line() == line)) {
			return "SJ";
		}
		return receipt.others().stream().filter(r -> r.line() == line).map(r -> r.type().name()).findFirst().orElse("LINE");
	}

}
