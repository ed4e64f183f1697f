package org.tsumugi.claims.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

	static final Path HOME = tempHome();

	static final ZoneId ZONE = ZoneId.systemDefault();

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	CamundaClient client;

	@Autowired
	DocumentStore documents;

	@DynamicPropertySource
	static void engineAndFolders(DynamicPropertyRegistry registry) {
		int port = freePort();
		registry.add("server.port", () -> port);
		registry.add("tsumugi.engine.clock-control", () -> "true");
		registry.add("camunda.client.mode", () -> "self-managed");
		registry.add("camunda.client.prefer-rest-over-grpc", () -> "true");
		registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
		registry.add("camunda.client.grpc-address", () -> "http://localhost:" + port);
		// On a loaded machine the engine may answer a long poll a little after its request timeout; with the
		// default 1 s of slack the client has gone by then and the jobs in that answer wait for their timeout.
		registry.add("camunda.client.request-timeout-offset", () -> "PT10S");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:nightly" + UUID.randomUUID().toString().replace("-", "")
				+ ";DB_CLOSE_DELAY=-1");
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
		registry.add("tsumugi.claims.nightly.inbox-dir", () -> HOME.resolve("inbox").toString());
		registry.add("tsumugi.claims.nightly.archive-dir", () -> HOME.resolve("imported").toString());
		registry.add("tsumugi.claims.findings-dir", () -> HOME.resolve("findings").toString());
		registry.add("tsumugi.document.data-dir", () -> HOME.resolve("documents").toString());
	}

	@Test
	void aFileInTheInboxIsCheckedAt2ReviewedRecheckedAndReported() throws Exception {
		Instant evening = LocalDate.of(2026, 11, 1).atTime(LocalTime.of(23, 0)).atZone(ZONE).toInstant();
		client.newPinClockCommand().time(evening).send().join();
		deployRepositoryModels();
		YearMonth month = YearMonth.of(2026, 10);
		Path inbox = HOME.resolve("inbox");
		Files.createDirectories(inbox);
		new UkeGenerator(new UkeGenerator.Options(80, month, 11, 0.4)).write(inbox.resolve("11_RECEIPTC.UKE"));

		client.newPinClockCommand().time(evening.plus(Duration.ofHours(3)).plusSeconds(1)).send().join();
		long instance = await(() -> client.newProcessInstanceSearchRequest()
			.filter(f -> f.processDefinitionId("claim-check-nightly"))
			.send()
			.join()
			.items()
			.stream()
			.findFirst()
			.map(p -> p.getProcessInstanceKey())
			.orElse(null), "the 02:00 timer starts the nightly check");
		List<UserTask> reviews = await(() -> {
			List<UserTask> tasks = tasks(instance, "ReviewFindings");
			return tasks.isEmpty() ? null : tasks;
		}, "review tasks are created");
		assertThat(Files.list(inbox).toList()).as("imported files leave the inbox").isEmpty();
		assertThat(reviews).as("one task per 診療科 or the file, never one per receipt").hasSizeLessThan(5)
			.allSatisfy(t -> assertThat(t.getCandidateGroups()).containsExactly("claims-clerks"));

		// The clerk corrects one receipt in the レセコン, which re-exports the month without that mistake.
		String correctedKey = null;
		int reviewed = 0;
		for (UserTask task : reviews) {
			List<Map<String, Object>> findings = variable(task.getUserTaskKey(), "findings");
			assertThat(findings).isNotEmpty()
				.allSatisfy(f -> assertThat(f).containsKeys("receiptNo", "ruleId", "severity", "message", "lines"));
			List<Map<String, Object>> decided = new ArrayList<>();
			for (Map<String, Object> finding : findings) {
				Map<String, Object> d = new java.util.LinkedHashMap<>(finding);
				if (correctedKey == null && !String.valueOf(finding.get("receiptNo")).isEmpty()) {
					d.put("decision", "corrected");
					correctedKey = (String) finding.get("key");
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
		assertThat(correctedKey).isNotNull();
		new UkeGenerator(new UkeGenerator.Options(80, month, 11, 0.0)).write(inbox.resolve("11_RECEIPTC_修正.UKE"));
		int reviewedFindings = reviewed;
		String fixedKey = correctedKey;

		UserTask notice = await(() -> tasks(instance, "ReadReport").stream().findFirst().orElse(null),
				"the clerks' lead gets the morning report");
		assertThat(notice.getCandidateGroups()).containsExactly("claims-lead");
		Map<String, Object> pdfRef = variable(notice.getUserTaskKey(), "reportPdf");
		Map<String, Object> csvRef = variable(notice.getUserTaskKey(), "reportCsv");
		String summary = variable(notice.getUserTaskKey(), "reportSummary");
		assertThat(summary).contains("点検 80 件").contains("再点検で解消 1 件");

		String pdf = pdfText((String) pdfRef.get("id"));
		assertThat(pdf).contains("レセプト点検結果報告", "2026年10月", "試験病院", "修正した", "解消", "問題なし");
		assertThat(pdf.replaceAll("\\s", "")).contains("レセ" + fixedKey.split("/")[0]);

		String csv = read((String) csvRef.get("id"));
		assertThat(csv).startsWith("\uFEFF" + MorningReport.CSV_HEADER + "\r\n");
		List<String> rows = csv.lines().skip(1).toList();
		assertThat(rows.stream().filter(r -> r.contains(",問題なし,算定要件を満たすことを確認済み,")).count())
			.isEqualTo(reviewedFindings - 1);
		assertThat(rows).anySatisfy(r -> assertThat(r).contains("," + fixedKey.split("/")[0] + "," + fixedKey.split("/")[1] + ",")
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

	private void deployRepositoryModels() throws IOException {
		List<Path> files = new ArrayList<>();
		for (String folder : List.of("../../forms", "../../bpmn")) {
			try (Stream<Path> list = Files.list(Path.of(folder))) {
				list.filter(p -> p.toString().endsWith(".form") || p.toString().endsWith(".dmn") || p.toString().endsWith(".bpmn"))
					.sorted()
					.forEach(files::add);
			}
		}
		DeployResourceCommandStep2 command = null;
		for (Path file : files) {
			command = command == null ? client.newDeployResourceCommand().addResourceFile(file.toString())
					: command.addResourceFile(file.toString());
		}
		// A first deployment of every model can take a while on a loaded machine.
		command.requestTimeout(Duration.ofSeconds(60)).send().join();
	}

	private List<UserTask> tasks(long instance, String elementId) {
		return client.newUserTaskSearchRequest()
			.filter(f -> f.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED))
			.send()
			.join()
			.items();
	}

	private <T> T variable(long userTaskKey, String name) throws IOException {
		Variable found = client.newUserTaskVariableSearchRequest(userTaskKey)
			.filter(f -> f.name(name))
			.send()
			.join()
			.items()
			.get(0);
		String value = found.isTruncated() ? client.newVariableGetRequest(found.getVariableKey()).send().join().getValue()
				: found.getValue();
		return JSON.readValue(value, new TypeReference<T>() {
		});
	}

	private String pdfText(String id) throws IOException {
		try (InputStream in = documents.open(id); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	private String read(String id) throws IOException {
		try (InputStream in = documents.open(id)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Polls with a bound: the workers and the engine run on their own threads. */
	private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(60);
		while (true) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not within 60 s: " + what);
			}
			Thread.sleep(100);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Path tempHome() {
		try {
			return Files.createTempDirectory("tsumugi-nightly");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
