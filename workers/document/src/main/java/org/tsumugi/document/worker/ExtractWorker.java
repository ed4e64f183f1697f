package org.tsumugi.document.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProperties;
import org.tsumugi.document.DocumentReference;
import org.tsumugi.document.extract.ExtractedPage;
import org.tsumugi.document.extract.Extraction;
import org.tsumugi.document.extract.PdfExtractor;
import org.tsumugi.document.fields.ExtractedFields;
import org.tsumugi.document.fields.FieldExtractor;
import org.tsumugi.document.ocr.OcrLayout;
import org.tsumugi.document.store.DocumentStore;

/**
 * {@code tsumugi.document.extract}: text per page, form fields and metadata of a PDF.
 * Public, with a public handler, because the Camunda starter invokes job-worker methods reflectively.
 */
@Component
public class ExtractWorker {

	private final DocumentStore store;

	private final PdfExtractor extractor;

	private final FieldExtractor fields;

	private final long maxInline;

	ExtractWorker(DocumentStore store, PdfExtractor extractor, FieldExtractor fields, DocumentProperties properties) {
		this.store = store;
		this.extractor = extractor;
		this.fields = fields;
		this.maxInline = properties.maxTextVariable().toBytes();
	}

	// A long scan takes minutes: the lock outlasts it so the engine does not hand the job to another
	// worker meanwhile, and few jobs are taken at once because each already uses every OCR thread.
	@JobWorker(type = "tsumugi.document.extract", timeout = 3_600_000L, maxJobsActive = 2,
			fetchVariables = { "document", "layout", "documentKind" }, autoComplete = true)
	public Map<String, Object> handle(ActivatedJob job) throws IOException {
		JobInputs in = new JobInputs(job);
		try {
			DocumentReference document = DocumentReference.fromVariable(in.get("document"));
			Extraction extraction = extractor.extract(store.content(document.id()), OcrLayout.of(in.get("layout")));
			Map<String, Object> out = new LinkedHashMap<>();
			List<Map<String, Object>> pages = new ArrayList<>();
			for (ExtractedPage page : extraction.pages()) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("number", page.number());
				entry.put("source", page.source().name());
				entry.put("confidence", page.confidence());
				entry.put("text", page.text());
				pages.add(entry);
			}
			TextOutput.put(out, extraction.text(), pages, maxInline, store, job.getProcessInstanceKey());
			out.put("ocrPages", extraction.ocrPages());
			out.put("formFields", extraction.formFields());
			out.put("metadata", extraction.metadata());
			String kind = in.text("documentKind", null);
			if (kind != null) {
				ExtractedFields found = fields.extract(kind, extraction.text() + "\n" + formFieldLines(extraction));
				out.put("fields", found.values());
				out.put("missingFields", found.missing());
			}
			return out;
		}
		catch (DocumentProblem problem) {
			throw JobInputs.bpmnError(problem);
		}
	}

	/** Form fields as "name value" lines, so the same anchors find values in forms and in text. */
	private static String formFieldLines(Extraction extraction) {
		StringBuilder lines = new StringBuilder();
		extraction.formFields().forEach((name, value) -> lines.append(name).append(' ').append(value).append('\n'));
		return lines.toString();
	}
}
