package org.tsumugi.referral.worker;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;

/**
 * The workflow's KPI, request → approval, read from the engine's history: the instance's start and the
 * completion of the last review task. Both come from the engine's clock, so the figure is right even
 * when workers run elsewhere.
 */
final class LeadTime {

	static final String REVIEW_TASK = "review";

	private LeadTime() {
	}

	static Map<String, Object> of(CamundaClient client, long processInstanceKey) {
		OffsetDateTime requested = parse(client.newProcessInstanceGetRequest(processInstanceKey).send().join()
				.getStartDate());
		OffsetDateTime approved = client.newUserTaskSearchRequest()
				.filter(f -> f.processInstanceKey(processInstanceKey).elementId(REVIEW_TASK)).send().join().items()
				.stream().map(UserTask::getCompletionDate).filter(Objects::nonNull).map(LeadTime::parse)
				.max(Comparator.naturalOrder())
				.orElseThrow(() -> new IllegalStateException("no completed review task in process instance "
						+ processInstanceKey));
		Duration lead = Duration.between(requested, approved);
		Map<String, Object> leadTime = new LinkedHashMap<>();
		leadTime.put("requestedAt", requested.toString());
		leadTime.put("approvedAt", approved.toString());
		leadTime.put("duration", lead.toString());
		leadTime.put("minutes", lead.toMinutes());
		return leadTime;
	}

	private static OffsetDateTime parse(Object value) {
		return value instanceof OffsetDateTime time ? time : OffsetDateTime.parse(String.valueOf(value));
	}
}
