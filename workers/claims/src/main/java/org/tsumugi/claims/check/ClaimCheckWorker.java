package org.tsumugi.claims.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.claims.Severity;

/**
 * The {@code tsumugi.claims.check} job: a batch of receipts in, a findings file and a few counts out.
 * Findings never travel in variables; the process gets the file's path and counts. Missing input is a BPMN
 * error the model can catch; an I/O failure fails the job so it is retried and ends as an incident.
 */
public class ClaimCheckWorker {

	public static final String JOB_TYPE = "tsumugi.claims.check";

	static final String NO_FILES = "CLAIMS_NO_FILES";

	static final String FILE_NOT_FOUND = "CLAIMS_FILE_NOT_FOUND";

	private static final Logger log = LoggerFactory.getLogger(ClaimCheckWorker.class);

	private final ClaimChecker checker;

	private final Path findingsDir;

	public ClaimCheckWorker(ClaimChecker checker, Path findingsDir) {
		this.checker = checker;
		this.findingsDir = findingsDir;
	}

	@JobWorker(type = JOB_TYPE, fetchVariables = { "ukeFiles", "batchStart", "batchSize" })
	public Map<String, Object> check(ActivatedJob job, @Variable(name = "ukeFiles") List<String> ukeFiles,
			@Variable(name = "batchStart", optional = true) Integer batchStart,
			@Variable(name = "batchSize", optional = true) Integer batchSize) throws IOException {
		return handle(ukeFiles, batchStart, batchSize, "claims-" + job.getProcessInstanceKey() + "-" + job.getKey());
	}

	Map<String, Object> handle(List<String> ukeFiles, Integer batchStart, Integer batchSize, String runName)
			throws IOException {
		if (ukeFiles == null || ukeFiles.isEmpty()) {
			throw CamundaError.bpmnError(NO_FILES, "点検するUKEファイルが指定されていません。");
		}
		List<Path> files = new ArrayList<>();
		for (String name : ukeFiles) {
			Path file = Path.of(name);
			if (!Files.isReadable(file)) {
				throw CamundaError.bpmnError(FILE_NOT_FOUND, "UKEファイルが見つからないか読めません: " + file.getFileName());
			}
			files.add(file);
		}
		int start = batchStart == null ? 0 : batchStart;
		Path out = findingsDir.resolve(runName + ".csv");
		CheckSummary summary = checker.check(new CheckRequest(files, start, batchSize == null ? 0 : batchSize, out));
		// Counts only: receipts carry patient data and never reach the log.
		log.info("claims check {}: {} receipts checked, {} findings ({} errors)", runName, summary.receiptsChecked(),
				summary.findings(), summary.count(Severity.ERROR));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("findingsFile", summary.findingsFile().toAbsolutePath().toString());
		result.put("findingsCount", summary.findings());
		result.put("errorCount", summary.count(Severity.ERROR));
		result.put("warningCount", summary.count(Severity.WARNING));
		result.put("infoCount", summary.count(Severity.INFO));
		result.put("receiptsRead", summary.receiptsRead());
		result.put("receiptsChecked", summary.receiptsChecked());
		result.put("receiptsWithFindings", summary.receiptsWithFindings());
		result.put("findingsByRule", summary.byRule());
		return result;
	}

}
