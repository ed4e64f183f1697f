package org.tsumugi.referral.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;
import org.tsumugi.document.DocumentReference;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.referral.fhir.ClinsChecks;
import org.tsumugi.referral.fhir.ReferralBundle;
import org.tsumugi.referral.flow.ReferralTestApplication.RecordingNotifier;

/**
 * The referral workflow end to end: the real bpmn/ and forms/ on the embedded engine, driven with the
 * official client; the browser robot reads the sandbox EMR with headless Chromium; Tesseract reads a
 * scanned attachment; the doctor's review is done through the user-task API; the letter comes back as
 * a PDF (read back with PDFBox) and a FHIR Bundle (parsed back with HAPI).
 */
@SpringBootTest(classes = ReferralTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReferralLetterWorkflowTest {

	static final String DOCTOR = "dr-sato";

	/** Everything that identifies P0001 in the sandbox EMR; the LLM must never see any of it. */
	static final List<String> P0001_IDENTIFIERS = List.of("山田", "太郎", "ヤマダ", "タロウ", "P0001", "1958-04-12",
			"1958年4月12日", "東京都架空区見本町", "03-1234-5678", "0312345678");

	static Path workDir;

	static StandInLlm llm;

	@Autowired
	CamundaClient client;

	@Autowired
	DocumentStore documents;

	@Autowired
	RecordingNotifier notifier;

	final ObjectMapper json = new ObjectMapper();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		workDir = Files.createTempDirectory("tsumugi-referral-test");
		llm = new StandInLlm(P0001_IDENTIFIERS);
		int port = freePort();
		registry.add("server.port", () -> port);
		registry.add("tsumugi.engine.clock-control", () -> "true");
		registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
		registry.add("camunda.client.grpc-address", () -> "http://localhost:" + port);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:referral;DB_CLOSE_DELAY=-1");
		registry.add("tsumugi.document.data-dir", () -> workDir.resolve("documents").toString());
		registry.add("tsumugi.document.templates-dir", () -> workDir.resolve("templates").toString());
		registry.add("tsumugi.referral.institution.name", () -> "つむぎ記念病院");
		registry.add("tsumugi.referral.institution.address", () -> "東京都架空区本町9-9");
		registry.add("tsumugi.referral.institution.phone", () -> "03-0000-0000");
		registry.add("tsumugi.referral.institution.code", () -> "1319999999");
		registry.add("tsumugi.referral.ai.enabled", () -> "true");
		registry.add("tsumugi.referral.ai.base-url", llm::baseUrl);
		registry.add("tsumugi.referral.ai.model", () -> "stand-in");
		registry.add("tsumugi.referral.ai.timeout", () -> "PT2S");
		registry.add("tsumugi.referral.ai.audit-file", () -> workDir.resolve("ai-audit.jsonl").toString());
	}

	static boolean deployed;

	@BeforeEach
	void deployRepositoryFilesOnce() throws IOException {
		llm.mode = StandInLlm.Mode.NORMAL;
		RobotTestKit.emr().reset();
		if (deployed) {
			return;
		}
		// As the server does at start-up: forms, then decisions, then processes, each file on its own; a file
		// the engine refuses stays out (the server logs it), but this workflow's own files must go in.
		List<Path> files = new ArrayList<>();
		files.addAll(list(Path.of("../../forms"), ".form"));
		files.addAll(list(Path.of("../../bpmn"), ".dmn"));
		files.addAll(list(Path.of("../../bpmn"), ".bpmn"));
		for (Path file : files) {
			try {
				client.newDeployResourceCommand().addResourceFile(file.toString()).requestTimeout(Duration.ofMinutes(2))
						.send().join();
			}
			catch (RuntimeException ex) {
				assertThat(file.getFileName().toString()).as("%s must deploy: %s", file, ex.getMessage())
						.doesNotStartWith("referral");
			}
		}
		deployed = true;
	}

	@AfterEach
	void theLlmNeverSawAnIdentifier() {
		assertThat(llm.violations).isEmpty();
	}

	@AfterAll
	static void stopLlm() {
		llm.close();
	}

	@Test
	void aLetterIsDraftedReviewedApprovedFiledAndUploaded() throws Exception {
		DocumentReference scan = store("前医紹介状.pdf", ScannedPdf.of(List.of("診療情報提供書（前医）", "患者 山田 太郎 様",
				"心電図 異常なし", "胸部エックス線 異常なし")));
		long key = start("P0001", List.of(scan.toVariable()));

		UserTask first = awaitReviewTask(key);
		assertThat(first.getAssignee()).isEqualTo(DOCTOR);
		Map<String, Object> draft = variables(key);
		assertThat(draft.get("draftSource")).isEqualTo("ai");
		assertThat(text(draft, "letterPurpose")).contains("腎機能");
		assertThat(text(draft, "letterDiagnosis")).contains("2型糖尿病", "高血圧症", "糖尿病性腎症の疑い");
		assertThat(text(draft, "letterHistory")).contains("虫垂炎", "父: 2型糖尿病", "ペニシリン");
		assertThat(text(draft, "letterCourse")).contains("HbA1c 7.2 %", "eGFR 52").contains("心電図");
		// The AI saw the attachment's text masked; the doctor sees it restored.
		assertThat(text(draft, "letterCourse")).contains("山田").doesNotContain("［個人情報");
		assertThat(text(draft, "letterTreatment")).contains("食事療法");
		assertThat(text(draft, "letterPrescription")).contains("メトホルミン塩酸塩錠500mg ／ 1回1錠 1日2回 朝夕食後 ／ 28日分");
		assertThat(text(draft, "letterRemarks")).contains("前医紹介状.pdf");

		client.newCompleteUserTaskCommand(first.getUserTaskKey())
				.variables(Map.of("reviewDecision", "redraft", "reviewComment", "山田 太郎さん（03-1234-5678）の血圧の経過も書いてください",
						"letterTreatment", "山田 太郎さんは食事療法を継続中で、インスリン導入は希望されていません。"))
				.send().join();
		UserTask second = awaitReviewTask(key);
		assertThat(second.getUserTaskKey()).isNotEqualTo(first.getUserTaskKey());
		Map<String, Object> redrafted = variables(key);
		assertThat(text(redrafted, "letterRemarks")).contains("修正依頼への対応: 山田 太郎さん（03-1234-5678）");
		// The doctor's own text went to the AI masked and came back whole.
		assertThat(text(redrafted, "letterTreatment")).contains("山田 太郎さんは食事療法を継続中で、インスリン導入は希望されていません。");
		assertThat(redrafted.get("editedSections")).isEqualTo(List.of("letterTreatment"));
		assertThat(redrafted.get("redraftHistory")).isEqualTo(List.of(Map.of("round", 1,
				"comment", "山田 太郎さん（03-1234-5678）の血圧の経過も書いてください", "editedSections", List.of("治療経過"))));

		// The doctor approves three hours after the request, with an edit of his own.
		Instant approval = Instant.now().plus(Duration.ofHours(3));
		client.newPinClockCommand().time(approval.toEpochMilli()).send().join();
		try {
			client.newCompleteUserTaskCommand(second.getUserTaskKey()).variables(Map.of("reviewDecision", "approve",
					"letterPurpose", "糖尿病性腎症の精査と今後の治療方針についてご高診をお願いします。")).send().join();
			awaitCompleted(key);
		}
		finally {
			client.newResetClockCommand().send().join();
		}
		assertThat(elementIds(key)).contains("finalize", "renderPdf", "uploadEmr", "notifyDone", "done");
		Map<String, Object> result = variables(key);

		Map<?, ?> leadTime = (Map<?, ?>) result.get("leadTime");
		assertThat(((Number) leadTime.get("minutes")).longValue()).isBetween(179L, 200L);

		String pdfText = pdfText(result.get("letterPdf"));
		assertThat(pdfText).contains("診療情報提供書", "つむぎ記念病院", "架空大学病院", "腎臓内科", "山田 太郎", "1958-04-12",
				"傷病名", "紹介目的", "既往歴及び家族歴", "症状経過及び検査結果", "治療経過", "現在の処方", "備考",
				"糖尿病性腎症の精査と今後の治療方針", "メトホルミン塩酸塩錠500mg", "アムロジピン錠5mg", DOCTOR);

		Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, content(result.get("fhirBundle")));
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
		assertThat(bundle.getMeta().getProfile().get(0).getValue()).endsWith("JP_Bundle_eReferral");
		Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
		assertThat(composition.getStatus()).isEqualTo(Composition.CompositionStatus.FINAL);
		assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("57133-1");
		assertThat(sectionCodes(composition.getSection())).contains("910", "920", "300");
		Composition.SectionComponent structured = composition.getSection().stream()
				.filter(s -> s.getCode().getCodingFirstRep().getCode().equals("300")).findFirst().orElseThrow();
		assertThat(sectionCodes(structured.getSection())).contains("950", "340", "360");
		assertThat(structured.getSection().stream().allMatch(s -> s.getCode().getCodingFirstRep().getSystem()
				.equals(ReferralBundle.SECTION_SYSTEM))).isTrue();
		assertThat(bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList())
				.contains("Patient", "Practitioner", "Organization", "Encounter", "Condition", "MedicationRequest");
		assertThat(bundle.getEntry()).allMatch(e -> e.getFullUrl().startsWith("urn:uuid:"));
		assertThat(ClinsChecks.problems(bundle)).as("JP-CLINS requirements").isEmpty();

		String uploadName = "referral-letter-" + key + ".pdf";
		assertThat(RobotTestKit.emr().uploads()).extracting(SandboxEmr.Upload::patientId, SandboxEmr.Upload::fileName)
				.contains(org.assertj.core.groups.Tuple.tuple("P0001", uploadName));
		assertThat(notifier.sent).anyMatch(n -> n.processInstanceKey() == key && n.code().equals("COMPLETED")
				&& n.recipient().equals(DOCTOR));

		String audit = Files.readString(workDir.resolve("ai-audit.jsonl"), StandardCharsets.UTF_8);
		assertThat(audit).contains(String.valueOf(key)).contains("answered");
		P0001_IDENTIFIERS.forEach(identifier -> assertThat(audit).doesNotContain(identifier));
	}

	@Test
	void aPatientTheEmrDoesNotKnowEndsWithANoticeToTheRequester() {
		long key = start("P9999", List.of());
		awaitCompleted(key);
		assertThat(elementIds(key)).contains("patientNotFound", "notifyNotFound", "endNotFound").doesNotContain("draft");
		assertThat(notifier.sent).anyMatch(n -> n.processInstanceKey() == key && n.code().equals("PATIENT_NOT_FOUND")
				&& n.recipient().equals(DOCTOR) && n.message().contains("患者がいない"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void anUnreadableAttachmentAndADownLlmStillGiveTheDoctorADraftThatSaysSo() throws Exception {
		llm.mode = StandInLlm.Mode.DOWN;
		DocumentReference broken = store("破損した検査報告.pdf", "%PDF-1.7\nthis is not really a PDF".getBytes(StandardCharsets.UTF_8));
		long key = start("P0001", List.of(broken.toVariable()));

		UserTask review = awaitReviewTask(key);
		Map<String, Object> draft = variables(key);
		assertThat(draft.get("draftSource")).isEqualTo("deterministic");
		assertThat((List<Object>) draft.get("failedAttachments")).containsExactly("破損した検査報告.pdf");
		assertThat(text(draft, "draftNotice")).contains("破損した検査報告.pdf", "読み取れませんでした", "定型の下書き");
		assertThat(text(draft, "letterDiagnosis")).contains("2型糖尿病").doesNotContain(StandInLlm.MARK);

		client.newCompleteUserTaskCommand(review.getUserTaskKey()).variables(Map.of("reviewDecision", "reject")).send().join();
		awaitCompleted(key);
		assertThat(elementIds(key)).contains("notifyRejected", "rejected").doesNotContain("finalize");
		assertThat(notifier.sent).anyMatch(n -> n.processInstanceKey() == key && n.code().equals("REJECTED"));
	}

	@Test
	void aSlowLlmFallsBackAndAVeryLongSectionContinuesOnAnotherPage() throws Exception {
		llm.mode = StandInLlm.Mode.SLOW;
		long key = start("P0002", List.of());
		UserTask review = awaitReviewTask(key);
		assertThat(variables(key).get("draftSource")).isEqualTo("deterministic");

		StringBuilder course = new StringBuilder();
		for (int day = 1; day <= 60; day++) {
			course.append("第").append(day).append("病日: 夜間の喘鳴あり、吸入で改善。ピークフロー値を記録し経過観察とした。\n");
		}
		client.newCompleteUserTaskCommand(review.getUserTaskKey())
				.variables(Map.of("reviewDecision", "approve", "letterCourse", course.toString())).send().join();
		awaitCompleted(key);

		Map<String, Object> result = variables(key);
		try (PDDocument pdf = Loader.loadPDF(documents.open(DocumentReference.fromVariable(result.get("letterPdf")).id()).readAllBytes())) {
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
			for (int day = 1; day <= 60; day++) {
				assertThat(text).contains("第" + day + "病日:夜間の喘鳴あり、吸入で改善。ピークフロー値を記録し経過観察とした。");
			}
		}
	}

	// --- helpers ---

	private long start(String patientId, List<Map<String, Object>> attachments) {
		return client.newCreateInstanceCommand().bpmnProcessId("referral-letter").latestVersion()
				.variables(Map.of("patientId", patientId, "requestingDoctor", DOCTOR, "destinationInstitution", "架空大学病院",
						"destinationDepartment", "腎臓内科", "destinationDoctor", "田中 医師",
						"purpose", "腎機能低下の精査をお願いします。", "attachments", attachments))
				.send().join().getProcessInstanceKey();
	}

	private DocumentReference store(String name, byte[] content) throws IOException {
		return documents.store(new ByteArrayInputStream(content), name, null).reference();
	}

	private UserTask awaitReviewTask(long key) {
		List<UserTask> open = new ArrayList<>();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
			var instance = client.newProcessInstanceGetRequest(key).send().join();
			assertThat(instance.getHasIncident()).as("incident in %s: %s", key, incidents(key)).isFalse();
			assertThat(instance.getState()).as("instance %s ended before review: %s", key, elementIds(key))
					.isEqualTo(ProcessInstanceState.ACTIVE);
			open.clear();
			open.addAll(client.newUserTaskSearchRequest()
					.filter(f -> f.processInstanceKey(key).elementId("review").state(UserTaskState.CREATED)).send().join()
					.items());
			return !open.isEmpty();
		});
		return open.get(0);
	}

	private void awaitCompleted(long key) {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
			var instance = client.newProcessInstanceGetRequest(key).send().join();
			assertThat(instance.getHasIncident()).as("incident in %s: %s", key, incidents(key)).isFalse();
			return instance.getState() == ProcessInstanceState.COMPLETED;
		});
	}

	private List<String> incidents(long key) {
		return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items().stream()
				.map(i -> i.getElementId() + ": " + i.getErrorMessage()).toList();
	}

	private List<String> elementIds(long key) {
		return client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items()
				.stream().map(ElementInstance::getElementId).toList();
	}

	/** The instance's process-level variables, values parsed from JSON. */
	private Map<String, Object> variables(long key) throws IOException {
		Map<String, Object> values = new java.util.TreeMap<>();
		for (Variable variable : client.newVariableSearchRequest().filter(f -> f.processInstanceKey(key).scopeKey(key))
				.page(p -> p.limit(200)).send().join().items()) {
			String value = Boolean.TRUE.equals(variable.isTruncated())
					? client.newVariableGetRequest(variable.getVariableKey()).send().join().getValue() : variable.getValue();
			values.put(variable.getName(), json.readValue(value, Object.class));
		}
		return values;
	}

	private static String text(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		return value == null ? "" : value.toString();
	}

	private String content(Object reference) throws IOException {
		try (InputStream in = documents.open(DocumentReference.fromVariable(reference).id())) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private String pdfText(Object reference) throws IOException {
		try (PDDocument pdf = Loader.loadPDF(documents.open(DocumentReference.fromVariable(reference).id()).readAllBytes())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	private static List<String> sectionCodes(List<Composition.SectionComponent> sections) {
		return sections.stream().map(s -> s.getCode().getCodingFirstRep().getCode()).toList();
	}

	private static List<Path> list(Path dir, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
