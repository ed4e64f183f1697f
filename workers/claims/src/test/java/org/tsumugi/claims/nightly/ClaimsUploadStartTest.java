package org.tsumugi.claims.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.claims.nightly.NightlyHarness.await;
import static org.tsumugi.claims.nightly.NightlyHarness.deployRepositoryModels;
import static org.tsumugi.claims.nightly.NightlyHarness.firstNightlyInstance;
import static org.tsumugi.claims.nightly.NightlyHarness.reviewTasks;
import static org.tsumugi.claims.nightly.NightlyHarness.tasks;
import static org.tsumugi.claims.nightly.NightlyHarness.variable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tsumugi.claims.uke.UkeGenerator;

/**
 * A clerk who uploads the month's file in the afternoon need not wait for 02:00: publishing
 * {@code claims-upload} starts the same check at once, with the engine clock standing still in the afternoon.
 */
@SpringBootTest(classes = NightlyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ClaimsUploadStartTest {

	static final Path HOME = NightlyHarness.tempHome();

	@Autowired
	CamundaClient client;

	@DynamicPropertySource
	static void engineAndFolders(DynamicPropertyRegistry registry) {
		NightlyHarness.properties(registry, HOME);
	}

	@Test
	void theUploadMessageStartsTheCheckWithoutWaitingForTheNight() throws Exception {
		client.newPinClockCommand().time(Instant.parse("2026-11-02T05:00:00Z")).send().join();
		deployRepositoryModels(client);
		Path inbox = Files.createDirectories(HOME.resolve("inbox"));
		new UkeGenerator(new UkeGenerator.Options(30, YearMonth.of(2026, 9), 3, 0.5)).write(inbox.resolve("09_RECEIPTC.UKE"));

		client.newPublishMessageCommand().messageName("claims-upload").withoutCorrelationKey().send().join();

		long instance = firstNightlyInstance(client, "the upload message starts the check");
		List<UserTask> reviews = reviewTasks(client, instance);
		for (UserTask task : reviews) {
			List<Map<String, Object>> decided = new ArrayList<>();
			for (Map<String, Object> finding : NightlyHarness.<List<Map<String, Object>>>variable(client, task.getUserTaskKey(),
					"findings")) {
				Map<String, Object> d = new LinkedHashMap<>(finding);
				d.put("decision", "accepted");
				d.put("reason", "確認済み");
				decided.add(d);
			}
			client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("findings", decided)).send().join();
		}
		UserTask notice = await(() -> tasks(client, instance, "ReadReport").stream().findFirst().orElse(null),
				"the report is filed and announced");
		assertThat(NightlyHarness.<String>variable(client, notice.getUserTaskKey(), "reportSummary")).contains("点検 30 件");
		client.newCompleteUserTaskCommand(notice.getUserTaskKey()).send().join();
		await(() -> client.newProcessInstanceGetRequest(instance).send().join().getState() == ProcessInstanceState.COMPLETED
				? true : null, "the instance completes");

		List<String> elements = client.newElementInstanceSearchRequest()
			.filter(f -> f.processInstanceKey(instance))
			.send()
			.join()
			.items()
			.stream()
			.map(e -> e.getElementId())
			.toList();
		assertThat(elements).as("started by the message, not the timer, and no re-check without corrections")
			.contains("StartUpload", "ImportFiles", "CheckFirstBatch", "EndReported")
			.doesNotContain("StartNightly");
		assertThat(Files.list(inbox).toList()).as("the uploaded file was imported").isEmpty();
	}

}
