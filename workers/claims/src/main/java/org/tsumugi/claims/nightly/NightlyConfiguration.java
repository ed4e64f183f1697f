package org.tsumugi.claims.nightly;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.tsumugi.claims.check.ClaimChecker;
import org.tsumugi.claims.check.ClaimsAutoConfiguration;
import org.tsumugi.claims.check.ClaimsProperties;
import org.tsumugi.document.DocumentConfiguration;
import org.tsumugi.document.store.DocumentStore;

/**
 * Registers the nightly process's job workers next to the checker; off with the checker
 * ({@code tsumugi.claims.enabled=false}). The report worker needs the document store.
 */
@AutoConfiguration(after = { ClaimsAutoConfiguration.class, DocumentConfiguration.class })
@ConditionalOnProperty(prefix = "tsumugi.claims", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(NightlyProperties.class)
public class NightlyConfiguration {

	@Bean
	UkeInbox ukeInbox(NightlyProperties properties) {
		return new UkeInbox(properties.inboxDir(), properties.archiveDir(), Clock.systemDefaultZone());
	}

	@Bean
	NightlyWorkers claimsNightlyWorkers(UkeInbox inbox, ClaimChecker checker, NightlyProperties nightly,
			ClaimsProperties claims) {
		ArchivePurge purge = new ArchivePurge(List.of(inbox.archive(), claims.findingsDir()), Set.of(inbox.ledger()),
				nightly.retention(), Clock.systemDefaultZone());
		return new NightlyWorkers(inbox, purge, new ReviewGrouper(nightly.reviewMaxFindings()), new Recheck(checker, inbox),
				claims.findingsDir());
	}

	@Bean
	@ConditionalOnBean(DocumentStore.class)
	ReportWorker claimsReportWorker(DocumentStore store) {
		return new ReportWorker(new MorningReport(), store, Clock.systemDefaultZone());
	}

}
