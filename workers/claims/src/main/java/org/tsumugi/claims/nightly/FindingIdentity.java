package org.tsumugi.claims.nightly;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which finding a correction was about, in terms a corrected re-export keeps: the patient (カルテ番号等), the
 * rule and the codes it points at. レセプト番号 and line numbers are left out on purpose: a レセコン renumbers
 * and reorders receipts when it exports the month again.
 *
 * @param patient カルテ番号等, or {@code レセ<n>} when the file carries none
 * @param subject the record codes separated by spaces ({@code IY:620000001 SY:2500015})
 */
public record FindingIdentity(String patient, String ruleId, String subject) {

	/** A readable key for process variables and the report ({@code patient/rule/subject}). */
	public String key() {
		return patient + "/" + ruleId + "/" + subject;
	}

	/**
	 * True when {@code other} may be the same finding again: same patient and rule, and at least one code in
	 * common. Overlap rather than equality, because a fix often touches one of the codes (a disease added for
	 * an indication): then the finding is still there if any code it named still draws it. Erring this way
	 * shows a correction as 未解消 rather than hiding one that did not work.
	 */
	public boolean sameAs(FindingIdentity other) {
		if (!patient.equals(other.patient) || !ruleId.equals(other.ruleId)) {
			return false;
		}
		Set<String> mine = codes();
		if (mine.isEmpty() || other.codes().isEmpty()) {
			return true;
		}
		return !Collections.disjoint(mine, other.codes());
	}

	/** The coded tokens ({@code IY:…}); the record kinds alone ({@code RE}, {@code JD}) only when there are none. */
	private Set<String> codes() {
		if (subject == null || subject.isBlank()) {
			return Set.of();
		}
		Set<String> all = new TreeSet<>(Arrays.asList(subject.trim().split(" +")));
		Set<String> coded = new TreeSet<>();
		all.stream().filter(t -> t.indexOf(':') > 0).forEach(coded::add);
		return coded.isEmpty() ? all : coded;
	}

}
