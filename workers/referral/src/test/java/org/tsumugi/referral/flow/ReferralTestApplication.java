package org.tsumugi.referral.flow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camunda.client.CamundaClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.tsumugi.browser.evidence.DocumentStoreEvidence;
import org.tsumugi.browser.job.BrowserRunWorker;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.scenario.ScenarioCatalog;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.referral.notice.Notifier;

/**
 * The embedded engine with every worker the referral workflow uses: the browser robot against the
 * sandbox EMR (shared pooled Chromium), the document robots and the referral workers, as the server
 * would run them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ReferralTestApplication {

	@Bean
	BrowserRobot browserRobot(DocumentStore documents) {
		return new BrowserRobot(ScenarioCatalog.of(RobotTestKit.robotSources()), RobotTestKit.pool(), RobotTestKit.vault(),
				new DocumentStoreEvidence(documents), Map.of("sandbox-emr", RobotTestKit.emr().baseUrl()));
	}

	@Bean
	BrowserRunWorker browserRunWorker(BrowserRobot robot, CamundaClient client) {
		return new BrowserRunWorker(robot, client);
	}

	@Bean
	RecordingNotifier recordingNotifier() {
		return new RecordingNotifier();
	}

	/** Keeps the notices so a test can see what the requester was told. */
	public static class RecordingNotifier implements Notifier {

		public final List<Notice> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(Notice notice) {
			sent.add(notice);
		}
	}
}
