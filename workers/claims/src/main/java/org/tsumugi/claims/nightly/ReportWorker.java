package org.tsumugi.claims.nightly;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;

/**
 * {@code tsumugi.claims.report}: files the morning report's CSV in the document store and prepares the data
 * for the PDF, which {@code tsumugi.document.render} draws with its {@code claim-report} template.
 */
public class ReportWorker {

	public static final String REPORT = "tsumugi.claims.report";

	private final MorningReport report;

	private final DocumentStore store;

	private final Clock clock;

	public ReportWorker(MorningReport report, DocumentStore store, Clock clock) {
		this.report = report;
		this.store = store;
		this.clock = clock;
	}

	@JobWorker(type = REPORT, fetchVariables = { "ukeFiles", "findingsFiles", "batchFindingsFiles", "reviews",
			"recheckResults", "claimReceiptsRead", "monthWarnings", "skippedFiles" })
	public Map<String, Object> report(ActivatedJob job, @Variable(name = "ukeFiles") List<String> ukeFiles,
			@Variable(name = "findingsFiles") List<String> findingsFiles,
			@Variable(name = "batchFindingsFiles", optional = true) List<String> batchFindingsFiles,
			@Variable(name = "reviews", optional = true) Object reviews,
			@Variable(name = "recheckResults", optional = true) Map<String, String> recheckResults,
			@Variable(name = "claimReceiptsRead", optional = true) Integer receipts,
			@Variable(name = "monthWarnings", optional = true) List<String> monthWarnings,
			@Variable(name = "skippedFiles", optional = true) List<String> skippedFiles) throws IOException {
		List<Path> findings = new ArrayList<>(findingsFiles.stream().map(Path::of).toList());
		if (batchFindingsFiles != null) {
			batchFindingsFiles.stream().map(Path::of).forEach(findings::add);
		}
		List<String> notes = new ArrayList<>();
		if (monthWarnings != null) {
			notes.addAll(monthWarnings);
		}
		if (skippedFiles != null) {
			skippedFiles.forEach(name -> notes.add(name + ": 取り込み済みのファイルと同じ内容のため、取り込みませんでした。"));
		}
		LocalDate today = LocalDate.now(clock);
		MorningReport.Report built = report.build(ukeFiles.stream().map(Path::of).toList(), findings, Reviews.of(reviews),
				recheckResults == null ? Map.of() : recheckResults, receipts == null ? 0 : receipts, notes, today);
		StoredDocument csv = store.store(new ByteArrayInputStream(built.csv()), "レセプト点検結果_" + today + ".csv",
				job.getProcessInstanceKey());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("reportCsv", csv.reference().toVariable());
		out.put("reportData", built.templateData());
		out.put("reportSummary", built.summary());
		return out;
	}

}
