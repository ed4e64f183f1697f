package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tsumugi.claims.check.CheckRequest;
import org.tsumugi.claims.check.ClaimChecker;

/**
 * Checks the month again after the clerks corrected receipts. Corrections are made in the レセコン, which
 * exports a new UKE file into the inbox; that file is checked if there is one, the night's files otherwise
 * (then nothing changed and every correction shows as not yet in the file). A corrected finding is fixed
 * when the corrected file has no finding that may be the same one ({@link FindingIdentity#sameAs}): matched by
 * patient, rule and codes, never by レセプト番号 or line, which a re-export may renumber. The corrected file is for a month already
 * imported by design, so the inbox's same-month warning is not repeated here.
 */
public final class Recheck {

	public static final String FIXED = "解消";

	public static final String STILL_THERE = "未解消";

	private final ClaimChecker checker;

	private final UkeInbox inbox;

	public Recheck(ClaimChecker checker, UkeInbox inbox) {
		this.checker = checker;
		this.inbox = inbox;
	}

	/**
	 * @param files the files that were checked again
	 * @param statusByKey {@link FindingIdentity#key()} of each corrected finding → {@link #FIXED} or {@link #STILL_THERE}
	 */
	public record Result(List<Path> files, Path findingsFile, Map<String, String> statusByKey) {

		public long fixed() {
			return statusByKey.values().stream().filter(FIXED::equals).count();
		}

	}

	public Result run(Reviews reviews, List<Path> nightFiles, Path findingsFile) throws IOException {
		UkeInbox.Imported reExport = inbox.importNew();
		List<Path> files = reExport.files().isEmpty() ? nightFiles : reExport.files();
		checker.check(CheckRequest.all(files, findingsFile));
		List<FindingIdentity> corrected = reviews.corrected();
		Set<FindingIdentity> stillThere = new HashSet<>();
		FindingRow.read(findingsFile, row -> {
			FindingIdentity found = row.identity();
			corrected.stream().filter(c -> c.sameAs(found)).forEach(stillThere::add);
		});
		Map<String, String> status = new LinkedHashMap<>();
		for (FindingIdentity c : corrected) {
			status.put(c.key(), stillThere.contains(c) ? STILL_THERE : FIXED);
		}
		return new Result(files, findingsFile, status);
	}

}
