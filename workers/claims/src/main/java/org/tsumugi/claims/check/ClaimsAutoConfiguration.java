package org.tsumugi.claims.check;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.rules.DecisionTables;
import org.tsumugi.claims.rules.RuleSettings;

/**
 * Registers the claim checker and its job worker when this module is on the server's class path. Turn it
 * off with {@code tsumugi.claims.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "tsumugi.claims", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ClaimsProperties.class)
public class ClaimsAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClaimsAutoConfiguration.class);

	@Bean
	ClaimChecker claimChecker(ClaimsProperties properties) throws IOException {
		Masters masters;
		if (properties.mastersDir() == null) {
			log.warn("tsumugi.claims.masters-dir is not set: using the synthetic test masters, not fit for real claims");
			masters = Masters.synthetic();
		}
		else {
			masters = Masters.load(properties.mastersDir());
		}
		DecisionTables tables = properties.rulesDir() == null ? DecisionTables.bundled()
				: DecisionTables.load(properties.rulesDir());
		RuleSettings settings = new RuleSettings(properties.suspectedMonths(), Set.copyOf(properties.localPublicLaws()));
		return new ClaimChecker(masters, tables, settings);
	}

	@Bean
	ClaimCheckWorker claimCheckWorker(ClaimChecker checker, ClaimsProperties properties) {
		return new ClaimCheckWorker(checker, properties.findingsDir());
	}

}
