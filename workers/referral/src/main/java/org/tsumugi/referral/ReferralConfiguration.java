package org.tsumugi.referral;

import java.time.Clock;

import ca.uhn.fhir.context.FhirContext;
import io.camunda.client.CamundaClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.tsumugi.document.DocumentConfiguration;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.referral.ai.AiAudit;
import org.tsumugi.referral.ai.AiDrafter;
import org.tsumugi.referral.ai.ChatEndpoint;
import org.tsumugi.referral.ai.JsonLinesAiAudit;
import org.tsumugi.referral.fhir.ReferralBundle;
import org.tsumugi.referral.letter.Drafting;
import org.tsumugi.referral.notice.LogNotifier;
import org.tsumugi.referral.notice.Notifier;
import org.tsumugi.referral.worker.DraftWorker;
import org.tsumugi.referral.worker.FinalizeWorker;
import org.tsumugi.referral.worker.NotifyWorker;

/** Wires the referral-letter workers into a Spring Boot application: adding this module is enough. */
@AutoConfiguration(after = DocumentConfiguration.class)
@EnableConfigurationProperties(ReferralProperties.class)
public class ReferralConfiguration {

	/** The JSON-lines file, unless the application audits elsewhere (the server: its hash-chained log). */
	@Bean
	@ConditionalOnMissingBean
	AiAudit referralAiAudit(ReferralProperties properties) {
		return new JsonLinesAiAudit(properties.ai().auditFile(), Clock.systemUTC());
	}

	@Bean
	Drafting referralDrafting(ReferralProperties properties, AiAudit audit) {
		ReferralProperties.Ai ai = properties.ai();
		if (!ai.enabled() || ai.baseUrl() == null) {
			return new Drafting(null);
		}
		return new Drafting(new AiDrafter(new ChatEndpoint(ai.baseUrl(), ai.model(), ai.apiKey(), ai.timeout()), audit));
	}

	@Bean
	ReferralBundle referralBundle() {
		return new ReferralBundle(FhirContext.forR4Cached());
	}

	@Bean
	@ConditionalOnMissingBean
	Notifier referralNotifier() {
		return new LogNotifier();
	}

	@Bean
	DraftWorker referralDraftWorker(Drafting drafting) {
		return new DraftWorker(drafting);
	}

	@Bean
	FinalizeWorker referralFinalizeWorker(DocumentStore store, ReferralBundle bundle, ReferralProperties properties,
			ObjectProvider<CamundaClient> client) {
		// Looked up when a job comes: a server with its robots off has no client, and needs none.
		return new FinalizeWorker(store, bundle, properties.institution(), client::getObject);
	}

	@Bean
	NotifyWorker referralNotifyWorker(Notifier notifier) {
		return new NotifyWorker(notifier);
	}
}
