package org.tsumugi.document.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.api.response.ActivatedJob;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentReference;
import org.tsumugi.document.fields.ExtractedFields;
import org.tsumugi.document.fields.FieldExtractor;
import org.tsumugi.document.ocr.OcrLayout;
import org.tsumugi.document.store.DocumentStore;

/**
 * The shape the reading jobs share: the {@code document} reference and {@code layout} in, the stored file
 * read, the text and pages out (inline or as a text document), named fields when a {@code documentKind} is
 * given, and document problems turned into BPMN errors.
 */
final class TextJob {

	/**
	 * What a reader found.
	 * @param extra outputs of this job type only
	 * @param fieldText where the named fields are looked for
	 */
	record Read(String text, List<Map<String, Object>> pages, Map<String, Object> extra, String fieldText) {
	}

	@FunctionalInterface
	interface Reader {

		Read read(Path file, OcrLayout layout) throws IOException;

	}

	private final DocumentStore store;

	private final FieldExtractor fields;

	private final long maxInline;

	TextJob(DocumentStore store, FieldExtractor fields, long maxInline) {
		this.store = store;
		this.fields = fields;
		this.maxInline = maxInline;
	}

	Map<String, Object> run(ActivatedJob job, Reader reader) throws IOException {
		JobInputs in = new JobInputs(job);
		try {
			DocumentReference document = DocumentReference.fromVariable(in.get("document"));
			OcrLayout layout = OcrLayout.of(in.get("layout"));
			Read read = store.withFile(document.id(), file -> reader.read(file, layout));
			Map<String, Object> out = new LinkedHashMap<>();
			TextOutput.put(out, read.text(), read.pages(), maxInline, store, job.getProcessInstanceKey());
			out.putAll(read.extra());
			String kind = in.text("documentKind", null);
			if (kind != null) {
				ExtractedFields found = fields.extract(kind, read.fieldText());
				out.put("fields", found.values());
				out.put("missingFields", found.missing());
			}
			return out;
		}
		catch (DocumentProblem problem) {
			throw JobInputs.bpmnError(problem);
		}
	}

}
