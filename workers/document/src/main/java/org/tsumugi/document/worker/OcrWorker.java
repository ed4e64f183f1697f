package org.tsumugi.document.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import org.tsumugi.document.DocumentProperties;
import org.tsumugi.document.fields.FieldExtractor;
import org.tsumugi.document.ocr.OcrPage;
import org.tsumugi.document.ocr.OcrResult;
import org.tsumugi.document.ocr.OcrService;
import org.tsumugi.document.store.DocumentStore;

/**
 * {@code tsumugi.document.ocr}: every page of a PDF or image through OCR.
 * Public, with a public handler, because the Camunda starter invokes job-worker methods reflectively.
 */
@Component
public class OcrWorker {

	private final TextJob job;

	private final OcrService ocr;

	OcrWorker(DocumentStore store, OcrService ocr, FieldExtractor fields, DocumentProperties properties) {
		this.job = new TextJob(store, fields, properties.maxTextVariable().toBytes());
		this.ocr = ocr;
	}

	// A long scan takes minutes: the lock outlasts it so the engine does not hand the job to another
	// worker meanwhile, and few jobs are taken at once because each already uses every OCR thread.
	@JobWorker(type = "tsumugi.document.ocr", timeout = 3_600_000L, maxJobsActive = 2,
			fetchVariables = { "document", "layout", "documentKind" }, autoComplete = true)
	public Map<String, Object> handle(ActivatedJob activated) throws IOException {
		return job.run(activated, (file, layout) -> {
			OcrResult result = ocr.read(file, layout);
			List<Map<String, Object>> pages = new ArrayList<>();
			for (OcrPage page : result.pages()) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("number", page.number());
				entry.put("confidence", page.confidence());
				entry.put("text", page.text());
				pages.add(entry);
			}
			return new TextJob.Read(result.text(), pages, Map.of("minimumConfidence", result.minimumConfidence()),
					result.text());
		});
	}
}
