package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job adapters of the nightly process around the checker: import, grouping and re-check. Public with public
 * handlers because the Camunda starter invokes them reflectively. Only counts reach the log.
 */
public class NightlyWorkers {

	public static final String IMPORT = "tsumugi.claims.import";

	public static final String GROUP = "tsumugi.claims.group";

	public static final String RECHECK = "tsumugi.claims.recheck";

	static final String NO_FINDINGS_FILES = "CLAIMS_NO_FINDINGS_FILES";

	private static final Logger log = LoggerFactory.getLogger(NightlyWorkers.class);

	private final UkeInbox inbox;

	private final ArchivePurge purge;

	private final ReviewGrouper grouper;

	private final Recheck recheck;

	private final Path findingsDir;

	public NightlyWorkers(UkeInbox inbox, ArchivePurge purge, ReviewGrouper grouper, Recheck recheck, Path findingsDir) {
		this.inbox = inbox;
		this.purge = purge;
		this.grouper = grouper;
		this.recheck = recheck;
		this.findingsDir = findingsDir;
	}

	@JobWorker(type = IMPORT, fetchVariables = {})
	public Map<String, Object> importFiles() throws IOException {
		// Once a night is often enough for a retention counted in years, and the import runs every night.
		int purged = purge.purge();
		UkeInbox.Imported imported = inbox.importNew();
		log.info("claims import: {} new files, {} already imported, {} same-month warnings, {} expired files purged",
				imported.files().size(), imported.skipped().size(), imported.monthWarnings().size(), purged);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("ukeFiles", imported.files().stream().map(Path::toString).toList());
		out.put("skippedFiles", imported.skipped());
		out.put("monthWarnings", imported.monthWarnings());
		out.put("purgedFiles", purged);
		return out;
	}

	@JobWorker(type = GROUP, fetchVariables = { "findingsFiles" })
	public Map<String, Object> group(@Variable(name = "findingsFiles") List<String> findingsFiles) throws IOException {
		if (findingsFiles == null || findingsFiles.isEmpty()) {
			throw CamundaError.bpmnError(NO_FINDINGS_FILES, "まとめる指摘ファイル（findingsFiles）が指定されていません。");
		}
		List<Map<String, Object>> groups = grouper.group(findingsFiles.stream().map(Path::of).toList());
		log.info("claims group: {} review groups", groups.size());
		return Map.of("reviewGroups", groups);
	}

	@JobWorker(type = RECHECK, fetchVariables = { "reviews", "ukeFiles" })
	public Map<String, Object> recheck(ActivatedJob job, @Variable(name = "reviews") Object reviews,
			@Variable(name = "ukeFiles") List<String> ukeFiles) throws IOException {
		Path out = findingsDir.resolve("claims-recheck-" + job.getProcessInstanceKey() + "-" + job.getKey() + ".csv");
		Recheck.Result result = recheck.run(Reviews.of(reviews), ukeFiles.stream().map(Path::of).toList(), out);
		log.info("claims recheck: {} corrected findings, {} fixed", result.statusByKey().size(), result.fixed());
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("recheckFiles", result.files().stream().map(Path::toString).toList());
		vars.put("recheckFindingsFile", result.findingsFile().toAbsolutePath().toString());
		vars.put("recheckResults", result.statusByKey());
		vars.put("fixedCount", result.fixed());
		return vars;
	}

}
