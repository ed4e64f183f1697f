package org.tsumugi.referral.worker;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.tsumugi.referral.notice.Notices;
import org.tsumugi.referral.notice.Notifier;

/**
 * {@code tsumugi.referral.notify}: tells the requesting doctor ({@code requestingDoctor}) how the request
 * ended; {@code notice} (variable or task header) is the code. The message is also left in
 * {@code requesterNotice} so the instance's history shows what was said.
 */
public class NotifyWorker {

	public static final String TYPE = "tsumugi.referral.notify";

	private final Notifier notifier;

	public NotifyWorker(Notifier notifier) {
		this.notifier = notifier;
	}

	@JobWorker(type = TYPE, autoComplete = true, fetchVariables = { "notice", "requestingDoctor", "patientId" })
	public Map<String, Object> handle(ActivatedJob job) {
		Map<String, Object> variables = job.getVariablesAsMap();
		Object code = variables.get("notice");
		String notice = code != null ? code.toString() : job.getCustomHeaders().getOrDefault("notice", "COMPLETED");
		String message = Notices.message(notice);
		Object recipient = variables.get("requestingDoctor");
		Object patientId = variables.get("patientId");
		notifier.send(new Notifier.Notice(job.getProcessInstanceKey(), recipient == null ? "" : recipient.toString(),
				notice, message, patientId == null ? "" : patientId.toString()));
		return Map.of("requesterNotice", message);
	}
}
