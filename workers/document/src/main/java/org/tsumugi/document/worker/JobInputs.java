package org.tsumugi.document.worker;

import java.util.Map;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import org.tsumugi.document.DocumentProblem;

/** Reads a job's inputs: a variable wins over the task's header of the same name. */
final class JobInputs {

	private final Map<String, Object> variables;

	private final Map<String, String> headers;

	JobInputs(ActivatedJob job) {
		this.variables = job.getVariablesAsMap();
		this.headers = job.getCustomHeaders();
	}

	Object get(String name) {
		Object value = variables.get(name);
		return value != null ? value : headers.get(name);
	}

	String text(String name, String fallback) {
		Object value = get(name);
		return value == null || value.toString().isBlank() ? fallback : value.toString();
	}

	Map<String, Object> variables() {
		return variables;
	}

	/** The BPMN error for a document problem; its variables let a model show the message to a clerk. */
	static BpmnError bpmnError(DocumentProblem problem) {
		return CamundaError.bpmnError(problem.code().name(), problem.getMessage(),
				Map.of("documentErrorCode", problem.code().name(), "documentErrorMessage", problem.getMessage()));
	}
}
