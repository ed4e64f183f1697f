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
 * when its receipt no longer has a finding of the same rule. The corrected file is for a month already
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
	 * @param statusByKey receipt/rule key of each corrected finding → {@link #FIXED} or {@link #STILL_THERE}
	 */
	public record Result(List<Path> files, Path findingsFile, Map<String, String> statusByKey) {

		public long fixed() {
			return statusByKey.values().stream().filter(FIXED::equals).count();
		}

	}

	public Result run(Reviews reviews, List<Path> nightFiles, Path findingsFile) throws IOException {
		UkeInbox.Imported corrected = inbox.importNew();
		List<Path> files = corrected.files().isEmpty() ? nightFiles : corrected.files();
		checker.check(CheckRequest.all(files, findingsFile));
		Set<String> present = new HashSet<>();
		FindingRow.read(findingsFile, row -> present.add(row.key()));
		Map<String, String> status = new LinkedHashMap<>();
		for (String key : reviews.correctedKeys()) {
			status.put(key, present.contains(key) ? STILL_THERE : FIXED);
		}
		return new Result(files, findingsFile, status);
	}

}
