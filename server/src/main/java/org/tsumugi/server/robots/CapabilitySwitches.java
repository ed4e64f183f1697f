package org.tsumugi.server.robots;

import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Switches a capability's job workers off with {@code tsumugi.robots.<capability>.enabled=false}, the
 * capability being the second part of Tsumugi's job types ({@code tsumugi.document.ocr} → document). The
 * services stay (the document store still serves its API); only the polling for jobs stops, so another
 * machine can take that capability.
 */
class CapabilitySwitches implements JobWorkerValueCustomizer {

	private static final Logger log = LoggerFactory.getLogger(CapabilitySwitches.class);

	private final Environment env;

	CapabilitySwitches(Environment env) {
		this.env = env;
	}

	@Override
	public void customize(JobWorkerValue worker) {
		String capability = capability(worker.getType());
		if (capability != null && !env.getProperty("tsumugi.robots." + capability + ".enabled", Boolean.class, true)) {
			worker.setEnabled(false);
			log.info("job worker for {} is off (tsumugi.robots.{}.enabled=false)", worker.getType(), capability);
		}
	}

	static String capability(String jobType) {
		if (jobType == null || !jobType.startsWith("tsumugi.")) {
			return null;
		}
		int end = jobType.indexOf('.', "tsumugi.".length());
		return end < 0 ? null : jobType.substring("tsumugi.".length(), end);
	}

}
