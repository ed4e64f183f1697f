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
import org.tsumugi.document.extract.ExtractedPage;
import org.tsumugi.document.extract.Extraction;
import org.tsumugi.document.extract.PdfExtractor;
import org.tsumugi.document.fields.FieldExtractor;
import org.tsumugi.document.store.DocumentStore;

/**
 * {@code tsumugi.document.extract}: text per page, form fields and metadata of a PDF.
 * Public, with a public handler, because the Camunda starter invokes job-worker methods reflectively.
 */
@Component
public class ExtractWorker {

	private final TextJob job;

	private final PdfExtractor extractor;

	ExtractWorker(DocumentStore store, PdfExtractor extractor, FieldExtractor fields, DocumentProperties properties) {
		this.job = new TextJob(store, fields, properties.maxTextVariable().toBytes());
		this.extractor = extractor;
	}

	// A long scan takes minutes: the lock outlasts it so the engine does not hand the job to another
	// worker meanwhile, and few jobs are taken at once because each already uses every OCR thread.
	@JobWorker(type = "tsumugi.document.extract", timeout = 3_600_000L, maxJobsActive = 2,
			fetchVariables = { "document", "layout", "documentKind" }, autoComplete = true)
	public Map<String, Object> handle(ActivatedJob activated) throws IOException {
		return job.run(activated, (file, layout) -> {
			Extraction extraction = extractor.extract(file, layout);
			List<Map<String, Object>> pages = new ArrayList<>();
			for (ExtractedPage page : extraction.pages()) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("number", page.number());
				entry.put("source", page.source().name());
				entry.put("confidence", page.confidence());
				entry.put("text", page.text());
				pages.add(entry);
			}
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("ocrPages", extraction.ocrPages());
			extra.put("formFields", extraction.formFields());
			extra.put("metadata", extraction.metadata());
			return new TextJob.Read(extraction.text(), pages, extra, extraction.text() + "\n" + formFieldLines(extraction));
		});
	}

	/** Form fields as "name value" lines, so the same anchors find values in forms and in text. */
	private static String formFieldLines(Extraction extraction) {
		StringBuilder lines = new StringBuilder();
		extraction.formFields().forEach((name, value) -> lines.append(name).append(' ').append(value).append('\n'));
		return lines.toString();
	}
}
