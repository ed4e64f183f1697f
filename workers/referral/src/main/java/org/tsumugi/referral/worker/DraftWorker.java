package org.tsumugi.referral.worker;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.tsumugi.referral.letter.Drafting;
import org.tsumugi.referral.letter.Facts;
import org.tsumugi.referral.letter.Redraft;

/**
 * {@code tsumugi.referral.draft}: every section of the letter from the gathered facts; on a redraft the
 * sections the doctor edited are kept and the comment ({@code reviewComment}) goes to the AI and into
 * {@code redraftHistory}. Public, with a public handler, because the
 * Camunda starter invokes job-worker methods reflectively.
 */
public class DraftWorker {

	public static final String TYPE = "tsumugi.referral.draft";

	private final Drafting drafting;

	public DraftWorker(Drafting drafting) {
		this.drafting = drafting;
	}

	@JobWorker(type = TYPE, autoComplete = true)
	public Map<String, Object> handle(ActivatedJob job) {
		Map<String, Object> variables = job.getVariablesAsMap();
		return drafting.draft(job.getProcessInstanceKey(), Facts.fromVariables(variables),
				Redraft.fromVariables(variables));
	}
}
