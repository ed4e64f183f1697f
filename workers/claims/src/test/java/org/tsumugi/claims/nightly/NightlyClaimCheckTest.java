package org.tsumugi.claims.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.claims.nightly.NightlyHarness.await;
import static org.tsumugi.claims.nightly.NightlyHarness.deployRepositoryModels;
import static org.tsumugi.claims.nightly.NightlyHarness.firstNightlyInstance;
import static org.tsumugi.claims.nightly.NightlyHarness.pdfText;
import static org.tsumugi.claims.nightly.NightlyHarness.read;
import static org.tsumugi.claims.nightly.NightlyHarness.reviewTasks;
import static org.tsumugi.claims.nightly.NightlyHarness.tasks;
import static org.tsumugi.claims.nightly.NightlyHarness.variable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.tsumugi.document.store.DocumentStore;

/**
 * The nightly claim check end to end: the repository's models and forms on the embedded engine, the real
 * workers, a generated UKE file in the inbox, the engine clock moved past 02:00, review tasks completed
 * through the client, the morning report read back from the document store, and the next night a
 * duplicate file that is not checked again.
 */
@SpringBootTest(classes = NightlyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class NightlyClaimCheckTest {

	static final Path HOME = NightlyHarness.tempHome();

	static final ZoneId ZONE = ZoneId.systemDefault();

	@Autowired
	CamundaClient client;

	@Autowired
	DocumentStore documents;

	@DynamicPropertySource
	static void engineAndFolders(DynamicPropertyRegistry registry) {
		NightlyHarness.properties(registry, HOME);
	}

	@Test
	void aFileInTheInboxIsCheckedAt2ReviewedRecheckedAndReported() throws Exception {
		Instant evening = LocalDate.of(2026, 11, 1).atTime(LocalTime.of(23, 0)).atZone(ZONE).toInstant();
		client.newPinClockCommand().time(evening).send().join();
		deployRepositoryModels(client);
		YearMonth month = YearMonth.of(2026, 10);
		Path inbox = HOME.resolve("inbox");
		Files.createDirectories(inbox);
		new UkeGenerator(new UkeGenerator.Options(80, month, 11, 0.4)).write(inbox.resolve("11_RECEIPTC.UKE"));

		client.newPinClockCommand().time(evening.plus(Duration.ofHours(3)).plusSeconds(1)).send().join();
		long instance = firstNightlyInstance(client, "the 02:00 timer starts the nightly check");
		List<UserTask> reviews = reviewTasks(client, instance);
		assertThat(Files.list(inbox).toList()).as("imported files leave the inbox").isEmpty();
		assertThat(reviews).as("one task per 診療科 or the file, never one per receipt").hasSizeLessThan(5)
			.allSatisfy(t -> assertThat(t.getCandidateGroups()).containsExactly("claims-clerks"));

		// The clerk corrects one receipt in the レセコン, which re-exports the month without that mistake, and then
		// records her decisions: the re-check after the last review must find the re-export already there.
		new UkeGenerator(new UkeGenerator.Options(80, month, 11, 0.0)).write(inbox.resolve("11_RECEIPTC_修正.UKE"));
		Map<String, Object> corrected = null;
		int reviewed = 0;
		for (UserTask task : reviews) {
			List<Map<String, Object>> findings = variable(client, task.getUserTaskKey(), "findings");
			assertThat(findings).isNotEmpty()
				.allSatisfy(f -> assertThat(f).containsKeys("receiptNo", "ruleId", "severity", "message", "lines"));
			List<Map<String, Object>> decided = new ArrayList<>();
			for (Map<String, Object> finding : findings) {
				Map<String, Object> d = new java.util.LinkedHashMap<>(finding);
				if (corrected == null && !String.valueOf(finding.get("receiptNo")).isEmpty()) {
					d.put("decision", "corrected");
					corrected = finding;
				}
				else {
					d.put("decision", "accepted");
					d.put("reason", "算定要件を満たすことを確認済み");
				}
				decided.add(d);
				reviewed++;
			}
			client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("findings", decided)).send().join();
		}
		assertThat(corrected).isNotNull();
		int reviewedFindings = reviewed;
		Map<String, Object> fixed = corrected;

		UserTask notice = await(() -> tasks(client, instance, "ReadReport").stream().findFirst().orElse(null),
				"the clerks' lead gets the morning report");
		assertThat(notice.getCandidateGroups()).containsExactly("claims-lead");
		Map<String, Object> pdfRef = variable(client, notice.getUserTaskKey(), "reportPdf");
		Map<String, Object> csvRef = variable(client, notice.getUserTaskKey(), "reportCsv");
		String summary = variable(client, notice.getUserTaskKey(), "reportSummary");
		assertThat(summary).contains("点検 80 件").contains("再点検で解消 1 件");

		String pdf = pdfText(documents, (String) pdfRef.get("id"));
		assertThat(pdf).contains("レセプト点検結果報告", "2026年10月", "試験病院", "修正した", "解消", "問題なし");
		assertThat(pdf.replaceAll("\\s", "")).as("the 患者番号 column shows the receipt's カルテ番号")
			.contains((String) fixed.get("patientNo"));

		String csv = read(documents, (String) csvRef.get("id"));
		assertThat(csv).startsWith("\uFEFF" + MorningReport.CSV_HEADER + "\r\n");
		List<String> rows = csv.lines().skip(1).toList();
		assertThat(rows.stream().filter(r -> r.contains(",問題なし,算定要件を満たすことを確認済み,")).count())
			.isEqualTo(reviewedFindings - 1);
		assertThat(rows).anySatisfy(r -> assertThat(r)
			.contains("," + fixed.get("receiptNo") + "," + fixed.get("patientNo") + "," + fixed.get("ruleId") + ",")
			.endsWith(",修正した,,解消"));

		client.newCompleteUserTaskCommand(notice.getUserTaskKey()).send().join();
		await(() -> client.newProcessInstanceGetRequest(instance).send().join().getState() == ProcessInstanceState.COMPLETED
				? true : null, "the instance completes");

		// The next night the same month's file is dropped again by mistake: nothing new, nothing to review.
		new UkeGenerator(new UkeGenerator.Options(80, month, 11, 0.4)).write(inbox.resolve("11_RECEIPTC_again.UKE"));
		client.newPinClockCommand().time(evening.plus(Duration.ofHours(27)).plusSeconds(1)).send().join();
		long nextNight = await(() -> client.newProcessInstanceSearchRequest()
			.filter(f -> f.processDefinitionId("claim-check-nightly").state(ProcessInstanceState.COMPLETED))
			.send()
			.join()
			.items()
			.stream()
			.map(p -> p.getProcessInstanceKey())
			.filter(key -> key != instance)
			.findFirst()
			.orElse(null), "the next night's check runs and ends");
		assertThat(client.newElementInstanceSearchRequest()
			.filter(f -> f.processInstanceKey(nextNight))
			.send()
			.join()
			.items()
			.stream()
			.map(e -> e.getElementId())
			.toList()).contains("ImportFiles", "EndNothing").doesNotContain("CheckFirstBatch");
		assertThat(Files.list(HOME.resolve("imported/duplicates")).toList()).singleElement()
			.satisfies(p -> assertThat(p.getFileName().toString()).endsWith("11_RECEIPTC_again.UKE"));
	}

}
