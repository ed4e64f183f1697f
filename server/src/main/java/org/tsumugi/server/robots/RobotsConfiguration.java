package org.tsumugi.server.robots;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.tsumugi.browser.evidence.DocumentStoreEvidence;
import org.tsumugi.browser.evidence.EvidenceStore;
import org.tsumugi.browser.job.BrowserRobotConfiguration;
import org.tsumugi.document.store.DocumentStore;

/**
 * The robots in the server. The document and claims modules configure themselves when on the class path;
 * the browser robots are imported here, and only where the scenario folder exists, because a server
 * without scenarios (a test, a claims-only install) has nothing for them to run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tsumugi.robots", name = "enabled", matchIfMissing = true)
class RobotsConfiguration {

	@Bean
	CapabilitySwitches robotCapabilitySwitches(Environment env) {
		return new CapabilitySwitches(env);
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ScenarioFolderPresent.class)
	@Import(BrowserRobotConfiguration.class)
	static class BrowserRobots {

		/** Screenshots, step logs and downloads go where people and the other robots find them. */
		@Bean
		@Primary
		EvidenceStore documentStoreEvidence(DocumentStore documents) {
			return new DocumentStoreEvidence(documents);
		}

	}

	static class ScenarioFolderPresent implements Condition {

		private static final Logger log = LoggerFactory.getLogger(RobotsConfiguration.class);

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment env = context.getEnvironment();
			if (!env.getProperty("tsumugi.robots.browser.enabled", Boolean.class, true)) {
				return false;
			}
			Path dir = Path.of(env.getProperty("tsumugi.browser.robots-dir", "robots"));
			if (!Files.isDirectory(dir)) {
				log.warn("browser robots are off: no scenario folder {} (set tsumugi.browser.robots-dir)",
						dir.toAbsolutePath());
				return false;
			}
			return true;
		}

	}

}
