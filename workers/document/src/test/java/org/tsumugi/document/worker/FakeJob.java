package org.tsumugi.document.worker;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;

/**
 * A job as the engine would hand it to a worker: variables go through JSON first, so the adapter
 * sees the same maps, lists and numbers it will see in production.
 */
final class FakeJob implements ActivatedJob {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String type;

	private final String variables;

	private final Map<String, String> headers;

	FakeJob(String type, Map<String, Object> variables, Map<String, String> headers) {
		this.type = type;
		this.headers = headers;
		try {
			this.variables = JSON.writeValueAsString(variables);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@Override
	public long getKey() {
		return 2251799813685300L;
	}

	@Override
	public String getType() {
		return type;
	}

	@Override
	public long getProcessInstanceKey() {
		return 2251799813685249L;
	}

	@Override
	public String getBpmnProcessId() {
		return "referral-letter";
	}

	@Override
	public int getProcessDefinitionVersion() {
		return 1;
	}

	@Override
	public long getProcessDefinitionKey() {
		return 2251799813685200L;
	}

	@Override
	public String getElementId() {
		return "task";
	}

	@Override
	public long getElementInstanceKey() {
		return 2251799813685290L;
	}

	@Override
	public Map<String, String> getCustomHeaders() {
		return headers;
	}

	@Override
	public String getWorker() {
		return "test";
	}

	@Override
	public int getRetries() {
		return 3;
	}

	@Override
	public long getDeadline() {
		return 0;
	}

	@Override
	public String getVariables() {
		return variables;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> getVariablesAsMap() {
		try {
			return JSON.readValue(variables, Map.class);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public <T> T getVariablesAsType(Class<T> type) {
		try {
			return JSON.readValue(variables, type);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Object getVariable(String name) {
		return getVariablesAsMap().get(name);
	}

	@Override
	public UserTaskProperties getUserTask() {
		return null;
	}

	@Override
	public JobKind getKind() {
		return JobKind.BPMN_ELEMENT;
	}

	@Override
	public ListenerEventType getListenerEventType() {
		return ListenerEventType.UNSPECIFIED;
	}

	@Override
	public String toJson() {
		return variables;
	}

	@Override
	public String getTenantId() {
		return "<default>";
	}

	@Override
	public List<DocumentReferenceResponse> getDocumentReferences(String variableName) {
		return List.of();
	}

	@Override
	public Set<String> getTags() {
		return Set.of();
	}
}
