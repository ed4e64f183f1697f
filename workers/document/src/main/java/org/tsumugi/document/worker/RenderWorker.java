package org.tsumugi.document.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.tsumugi.document.render.PdfRenderer;
import org.tsumugi.document.render.TemplateLibrary;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;

/**
 * {@code tsumugi.document.render}: a PDF from a template and data, stored, its reference returned.
 * Public, with a public handler, because the Camunda starter invokes job-worker methods reflectively.
 */
@Component
public class RenderWorker {

	private final DocumentStore store;

	private final TemplateLibrary templates;

	private final PdfRenderer renderer;

	private final Clock clock;

	@Autowired
	RenderWorker(DocumentStore store, TemplateLibrary templates, PdfRenderer renderer) {
		this(store, templates, renderer, Clock.systemUTC());
	}

	RenderWorker(DocumentStore store, TemplateLibrary templates, PdfRenderer renderer, Clock clock) {
		this.store = store;
		this.templates = templates;
		this.renderer = renderer;
		this.clock = clock;
	}

	@JobWorker(type = "tsumugi.document.render", autoComplete = true)
	public Map<String, Object> handle(ActivatedJob job) throws IOException {
		JobInputs in = new JobInputs(job);
		try {
			String template = in.text("template", null);
			if (template == null) {
				throw new DocumentProblem(Code.TEMPLATE_NOT_FOUND, "テンプレート名（template）が指定されていません。");
			}
			Object data = in.get("data");
			Map<String, Object> values = data instanceof Map<?, ?> ? castMap(data) : in.variables();
			String title = in.text("title", template);
			byte[] pdf = renderer.render(templates.load(template), values, title, Instant.now(clock));
			StoredDocument stored = store.store(new ByteArrayInputStream(pdf), in.text("fileName", template + ".pdf"),
					job.getProcessInstanceKey());
			return Map.of(in.text("resultVariable", "document"), stored.reference().toVariable());
		}
		catch (DocumentProblem problem) {
			throw JobInputs.bpmnError(problem);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object data) {
		return (Map<String, Object>) data;
	}
}
