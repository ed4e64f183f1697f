package org.tsumugi.monshin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;
import org.tsumugi.document.DocumentReference;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.monshin.form.QuestionnaireSource;
import org.tsumugi.monshin.submit.MonshinSubmission;
import org.tsumugi.monshin.submit.SubmissionResult;

/**
 * The web 問診 intake end to end: the real bpmn/ and forms/ files on the embedded engine, driven over
 * HTTP by the official client; the real intake, document and browser workers; the sandbox EMR in real
 * headless Chromium. Time moves only by pinning the engine clock.
 */
class IntakeTest extends IntakeEngineTest {

  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SandboxEmr EMR = RobotTestKit.emr();

  @Autowired MonshinSubmission submission;
  @Autowired DocumentStore documents;
  @Autowired QuestionnaireSource questionnaire;
  @Value("${tsumugi.document.data-dir}") Path documentDir;

  @BeforeAll
  static void emrIsUp() {
    EMR.reset();
  }

  @Test
  void aRoutineQuestionnaireIsReviewedEnteredIntoTheChartFiledAsPdfAndTimed() throws Exception {
    String receptionId = newReceptionId();
    Map<String, Object> answers = answers("佐藤　花子", "ｻﾄｳ ﾊﾅｺ", "平成2年11月3日", List.of());
    assertThat(submission.submit(receptionId, answers)).isEqualTo(new SubmissionResult.Accepted(receptionId));

    long instance = instanceOf(receptionId);
    UserTask review = openTask(instance, "ReviewAnswers");
    assertThat(review.getCandidateGroups()).containsExactly("nurses");
    assertThat(review.getPriority()).isEqualTo(50);
    Map<String, Object> reviewed = taskVariable(review, "reviewed");
    assertThat(reviewed).containsEntry("name", "佐藤 花子").containsEntry("kana", "サトウ ハナコ")
        .containsEntry("birthDate", "1990-11-03").containsEntry("birthDateWareki", "平成2年11月3日")
        .containsEntry("phone", "090-1234-5678");

    // The nurse corrects the complaint and approves.
    reviewed.put("chiefComplaint", "3日前からの頭痛と発熱（38.2℃）");
    register(review, reviewed);

    awaitCompleted(instance);
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(receptionId)).singleElement().satisfies(r -> {
      assertThat(r.patientId()).isEqualTo("P0002");
      assertThat(r.chiefComplaint()).isEqualTo("3日前からの頭痛と発熱（38.2℃）");
      assertThat(r.onset()).isEqualTo("昨日");
      assertThat(r.allergy()).isTrue();
      assertThat(r.note()).contains("web問診（受付番号 " + receptionId + "）", "アレルギー: ペニシリン", "痛み: NRS 6/10");
    });
    Map<String, String> vars = variables(instance);
    assertThat(vars.get("patientId")).isEqualTo("\"P0002\"");
    assertThat(JSON.readValue(vars.get("emrEvidence"), Map.class).get("screenshots")).asList().isNotEmpty();
    String leadTime = JSON.readValue(vars.get("receptionLeadTime"), String.class);
    assertThat(Duration.parse(leadTime)).isPositive().isLessThan(BOUND.multipliedBy(2));
    DocumentReference pdf = DocumentReference.fromVariable(JSON.readValue(vars.get("questionnairePdf"), Map.class));
    assertThat(pdf.name()).isEqualTo("monshin-" + receptionId + ".pdf");
    try (var in = documents.open(pdf.id())) {
      assertThat(new String(in.readNBytes(5))).isEqualTo("%PDF-");
    }
  }

  @Test
  void aBirthDateTheNurseCorrectsGetsIts和暦AndAgeRecomputedBeforeTheChartAndThePdf() throws Exception {
    String receptionId = newReceptionId();
    // She typed the wrong 平成 year: 平成3年 is 1991, the chart has her as born in 1990 (平成2年).
    submission.submit(receptionId, answers("佐藤 花子", "サトウ ハナコ", "平成3年11月3日", List.of()));
    long instance = instanceOf(receptionId);
    UserTask review = openTask(instance, "ReviewAnswers");
    Map<String, Object> reviewed = taskVariable(review, "reviewed");
    assertThat(reviewed).containsEntry("birthDateWareki", "平成3年11月3日").containsEntry("age", ageOn("1991-11-03"));

    reviewed.put("birthDate", "1990-11-03");
    reviewed.put("allergyDetail", "ペニシリン、卵");
    register(review, reviewed);

    awaitCompleted(instance);
    Map<String, Object> monshin = JSON.readValue(variables(instance).get("monshin"), Map.class);
    assertThat(monshin).containsEntry("birthDate", "1990-11-03").containsEntry("birthDateWareki", "平成2年11月3日")
        .containsEntry("age", ageOn("1990-11-03"));
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(receptionId)).singleElement().satisfies(r -> {
      assertThat(r.patientId()).as("matched by the corrected birth date").isEqualTo("P0002");
      assertThat(r.note()).as("the note she left as generated follows her correction").contains("アレルギー: ペニシリン、卵");
    });
    assertThat(pdfText(variables(instance))).contains("平成2年11月3日（1990-11-03）", "年齢（歳）" + ageOn("1990-11-03"))
        .doesNotContain("平成3年");
  }

  @Test
  void anInvalidCorrectionGoesBackToTheReviewWithItsProblemsAndNothingReachesTheChartUntilFixed() throws Exception {
    String receptionId = newReceptionId();
    submission.submit(receptionId, answers("佐藤 花子", "サトウ ハナコ", "平成2年11月3日", List.of()));
    long instance = instanceOf(receptionId);
    UserTask review = openTask(instance, "ReviewAnswers");
    Map<String, Object> reviewed = taskVariable(review, "reviewed");

    // A slip on the date and a complaint emptied by mistake: the API does not run the form's own checks.
    reviewed.put("birthDate", "1990-02-30");
    reviewed.put("chiefComplaint", "");
    register(review, reviewed);

    UserTask again = await().atMost(BOUND).until(() -> tasks(instance, "ReviewAnswers"),
        t -> t.size() == 1 && t.get(0).getUserTaskKey() != review.getUserTaskKey()).get(0);
    assertThat(taskValue(again, "monshinHasProblems")).isEqualTo("true");
    assertThat(JSON.readValue(taskValue(again, "monshinProblemText"), String.class)).isEqualTo(String.join("\n",
        "「生年月日」があり得ない日付です", "「今日はどうされましたか（主な症状）」の回答がありません"));
    Map<String, Object> shown = taskVariable(again, "reviewed");
    assertThat(shown).as("what she typed, to correct").containsEntry("birthDate", "1990-02-30")
        .doesNotContainKeys("birthDateWareki", "age");
    assertThat(elementIds(instance)).doesNotContain("FindPatient", "EnterIntoEmr");
    assertThat(EMR.records()).noneMatch(r -> r.receiptNo().equals(receptionId));

    shown.put("birthDate", "1990-11-03");
    shown.put("chiefComplaint", "頭が痛い");
    register(again, shown);

    awaitCompleted(instance);
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(receptionId)).singleElement().satisfies(r -> {
      assertThat(r.patientId()).isEqualTo("P0002");
      assertThat(r.chiefComplaint()).isEqualTo("頭が痛い");
    });
    assertThat(variables(instance)).containsEntry("monshinHasProblems", "false");
    assertThat(pdfText(variables(instance))).contains("平成2年11月3日（1990-11-03）");
  }

  @Test
  void aPdfThatCannotBeFiledStopsAtAnIncidentAndARetryAfterTheFixFilesItWithoutASecondEntry() throws Exception {
    String receptionId = newReceptionId();
    submission.submit(receptionId, answers("佐藤 花子", "サトウ ハナコ", "平成2年11月3日", List.of()));
    long instance = instanceOf(receptionId);
    UserTask review = openTask(instance, "ReviewAnswers");

    // The document store's disk is gone (an unmounted share): its directory is not a directory any more.
    Path away = documentDir.resolveSibling("documents-away");
    Files.move(documentDir, away);
    Incident incident;
    try {
      Files.writeString(documentDir, "not a directory");
      register(review, Map.of());
      incident = await().atMost(BOUND).until(() -> activeIncidents(instance), i -> !i.isEmpty()).get(0);
    } finally {
      Files.delete(documentDir);
      Files.move(away, documentDir);
    }
    assertThat(incident.getElementId()).isEqualTo("RenderQuestionnaire");
    assertThat(incident.getErrorMessage()).as("says what failed where").contains(documentDir.toString());
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(receptionId)).hasSize(1);

    // What 再実行 on the instance page does once the disk is back: retries for the job, the incident resolved.
    client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    awaitCompleted(instance);
    assertThat(pdfText(variables(instance))).contains(receptionId);
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(receptionId)).as("entered once").hasSize(1);
  }

  @Test
  void anUrgentAnswerReachesTheNurseStationAtOnceAndEscalatesWhenNobodyAcknowledges() {
    String receptionId = newReceptionId();
    submission.submit(receptionId, answers("鈴木 一郎", "スズキ イチロウ", "S50.2.28", List.of("chest-pain", "cold-sweat")));

    long instance = instanceOf(receptionId);
    UserTask alert = openTask(instance, "AcknowledgeUrgent");
    assertThat(alert.getCandidateGroups()).containsExactly("nurses");
    assertThat(alert.getPriority()).isEqualTo(100);
    assertThat(tasks(instance, "ReviewAnswers")).as("the alert comes before the routine review").isEmpty();
    assertThat(tasks(instance, "EscalateUrgent")).isEmpty();

    client.newPinClockCommand().time(Instant.now().plus(Duration.ofMinutes(6))).send().join();

    UserTask escalation = openTask(instance, "EscalateUrgent");
    assertThat(escalation.getCandidateGroups()).containsExactly("nurse-leaders");
    assertThat(escalation.getPriority()).isEqualTo(100);
    assertThat(openTask(instance, "AcknowledgeUrgent").getUserTaskKey())
        .as("the nurse station's task stays open: the timer does not interrupt it").isEqualTo(alert.getUserTaskKey());

    client.newCompleteUserTaskCommand(escalation.getUserTaskKey())
        .variables(Map.of("urgentAction", "師長が電話で救急受診を勧めた", "acknowledged", true)).send().join();
    client.newCompleteUserTaskCommand(alert.getUserTaskKey())
        .variables(Map.of("urgentAction", "電話連絡済み", "acknowledged", true)).send().join();
    UserTask review = openTask(instance, "ReviewAnswers");
    assertThat(review.getPriority()).isEqualTo(90);
    register(review, Map.of());

    awaitCompleted(instance);
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(receptionId)).singleElement()
        .satisfies(r -> assertThat(r.patientId()).isEqualTo("P0003"));
  }

  @Test
  void aPatientTheRobotCannotIdentifyGoesToAClerkAndTheEntryFollowsTheirChoice() {
    String receptionId = newReceptionId();
    // 山田 太郎 exists in the EMR, but with another birth date: a namesake, not this patient.
    submission.submit(receptionId, answers("山田 太郎", "やまだ たろう", "1960/1/1", List.of()));

    long instance = instanceOf(receptionId);
    UserTask review = openTask(instance, "ReviewAnswers");
    register(review, Map.of());

    UserTask clerk = openTask(instance, "IdentifyPatient");
    assertThat(clerk.getCandidateGroups()).containsExactly("clerks");
    assertThat(EMR.records()).noneMatch(r -> r.receiptNo().equals(receptionId));
    client.newCompleteUserTaskCommand(clerk.getUserTaskKey()).variables(Map.of("patientId", "P0001")).send().join();

    awaitCompleted(instance);
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(receptionId)).singleElement()
        .satisfies(r -> assertThat(r.patientId()).isEqualTo("P0001"));
  }

  @Test
  void aPatientTheEmrDoesNotKnowIsRegisteredOnceWhenTheClinicAllowsItAndTheAnswersEntered() throws Exception {
    MonshinSubmission registering = new MonshinSubmission(() -> client, questionnaire, Duration.ofDays(1),
        java.time.Clock.systemUTC(), true);
    String first = newReceptionId();
    registering.submit(first, answers("田中　美咲", "たなか みさき", "昭和60年6月15日", List.of()));
    long instance = instanceOf(first);
    register(openTask(instance, "ReviewAnswers"), Map.of());

    awaitCompleted(instance);
    assertThat(EMR.registrations()).filteredOn(r -> r.name().equals("田中 美咲")).singleElement().satisfies(r -> {
      assertThat(r.kana()).isEqualTo("タナカ ミサキ");
      assertThat(r.birthDate()).isEqualTo("1985-06-15");
      assertThat(r.sex()).isEqualTo("女");
      assertThat(r.phone()).isEqualTo("090-1234-5678");
    });
    String registeredId = EMR.registrations().stream().filter(r -> r.name().equals("田中 美咲")).findFirst()
        .orElseThrow().patientId();
    assertThat(elementIds(instance)).contains("RegisterPatient").doesNotContain("IdentifyPatient");
    Map<String, String> vars = variables(instance);
    assertThat(vars.get("patientId")).isEqualTo("\"" + registeredId + "\"");
    assertThat(vars.get("registrationWrites")).contains("written");
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(first)).singleElement()
        .satisfies(r -> assertThat(r.patientId()).isEqualTo(registeredId));

    // Her next questionnaire (or a retried registration job) finds the chart by name and birth date: no second one.
    String second = newReceptionId();
    registering.submit(second, answers("田中 美咲", "タナカ ミサキ", "1985-06-15", List.of()));
    long again = instanceOf(second);
    register(openTask(again, "ReviewAnswers"), Map.of());
    awaitCompleted(again);
    assertThat(EMR.registrations()).filteredOn(r -> r.name().equals("田中 美咲")).hasSize(1);
    assertThat(EMR.records()).filteredOn(r -> r.receiptNo().equals(second)).singleElement()
        .satisfies(r -> assertThat(r.patientId()).isEqualTo(registeredId));
  }

  @Test
  void withoutTheClinicsPermissionAPatientTheEmrDoesNotKnowGoesToAClerkAndIsNotRegistered() {
    String receptionId = newReceptionId();
    submission.submit(receptionId, answers("高橋 健", "タカハシ ケン", "1970-01-20", List.of()));
    long instance = instanceOf(receptionId);
    register(openTask(instance, "ReviewAnswers"), Map.of());

    UserTask clerk = openTask(instance, "IdentifyPatient");
    assertThat(clerk.getCandidateGroups()).containsExactly("clerks");
    assertThat(elementIds(instance)).doesNotContain("RegisterPatient");
    assertThat(EMR.registrations()).noneMatch(r -> r.name().equals("高橋 健"));
    client.newCompleteUserTaskCommand(clerk.getUserTaskKey()).variables(Map.of("patientId", "P0003")).send().join();
    awaitCompleted(instance);
    assertThat(EMR.registrations()).noneMatch(r -> r.name().equals("高橋 健"));
  }

  @Test
  void aDoubleSubmitStartsOneIntakeANurseCanDropItAndAnIncompleteOneStartsNone() {
    String receptionId = newReceptionId();
    Map<String, Object> answers = answers("佐藤 花子", "サトウ ハナコ", "1990-11-03", List.of());
    int before = intakeCount();

    assertThat(submission.submit(receptionId, answers)).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(submission.submit(receptionId, answers)).isEqualTo(new SubmissionResult.AlreadySubmitted(receptionId));
    long instance = instanceOf(receptionId);
    // The nurse recognises a submission to drop (a duplicate by phone, a cancelled visit): nothing reaches the EMR.
    client.newCompleteUserTaskCommand(openTask(instance, "ReviewAnswers").getUserTaskKey())
        .variables(Map.of("reviewDecision", "discard", "discardReason", "電話で受診取りやめ")).send().join();
    awaitCompleted(instance);
    assertThat(elementIds(instance)).contains("Discarded").doesNotContain("FindPatient");
    assertThat(EMR.records()).noneMatch(r -> r.receiptNo().equals(receptionId));

    Map<String, Object> incomplete = new java.util.HashMap<>(answers);
    incomplete.remove("chiefComplaint");
    incomplete.put("phone", 9012345678L);
    SubmissionResult refused = submission.submit(newReceptionId(), incomplete);
    assertThat(refused).isInstanceOfSatisfying(SubmissionResult.Rejected.class, r -> assertThat(r.problems())
        .extracting(p -> p.item() + ": " + p.message())
        .containsExactly("phone: 「電話番号」は文字で答えてください",
            "chiefComplaint: 「今日はどうされましたか（主な症状）」は必須です"));
    assertThat(intakeCount()).isEqualTo(before + 1);
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, Object> answers(String name, String kana, String birthDate, List<String> redFlags) {
    Map<String, Object> a = new java.util.HashMap<>();
    a.put("patientName", name);
    a.put("patientKana", kana);
    a.put("birthDate", birthDate);
    a.put("sex", "female");
    a.put("phone", "０９０－１２３４－５６７８");
    a.put("visitType", "return");
    a.put("chiefComplaint", "頭が痛い");
    a.put("onset", "昨日");
    a.put("painScale", 6);
    a.put("redFlags", redFlags);
    a.put("allergy", true);
    a.put("allergyDetail", "ペニシリン");
    a.put("note", "<script>alert(1)</script> 待合で横になりたい");
    return a;
  }

  private static String newReceptionId() {
    return "R-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private int intakeCount() {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("monshin-intake")).send().join()
        .items().size();
  }

  private long instanceOf(String receptionId) {
    String json = "\"" + receptionId + "\"";
    return await().atMost(BOUND).until(() -> client.newVariableSearchRequest().filter(f -> f.name("receptionId"))
        .send().join().items().stream().filter(v -> json.equals(v.getValue())).map(Variable::getProcessInstanceKey)
        .findFirst(), Optional::isPresent).get();
  }

  private List<UserTask> tasks(long instance, String elementId) {
    return client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED)).send().join()
        .items();
  }

  private UserTask openTask(long instance, String elementId) {
    return await().atMost(BOUND).until(() -> tasks(instance, elementId), t -> !t.isEmpty()).get(0);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> taskVariable(UserTask task, String name) throws IOException {
    String value = client.newUserTaskVariableSearchRequest(task.getUserTaskKey()).filter(f -> f.name(name)).send()
        .join().items().get(0).getValue();
    return JSON.readValue(value, Map.class);
  }

  private void awaitCompleted(long instance) {
    await().atMost(BOUND).until(() -> client.newProcessInstanceGetRequest(instance).send().join().getState(),
        s -> s == ProcessInstanceState.COMPLETED || !activeIncidents(instance).isEmpty());
    assertThat(activeIncidents(instance))
        .extracting(i -> i.getElementId() + " " + i.getErrorType() + ": " + i.getErrorMessage()).isEmpty();
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  /** The nurse approves for the EMR, with her corrections (or none: the answers as shown). */
  private void register(UserTask review, Map<String, Object> reviewed) {
    Map<String, Object> result = new java.util.HashMap<>(Map.of("reviewDecision", "register"));
    if (!reviewed.isEmpty()) {
      result.put("reviewed", reviewed);
    }
    client.newCompleteUserTaskCommand(review.getUserTaskKey()).variables(result).send().join();
  }

  private String taskValue(UserTask task, String name) {
    return client.newUserTaskVariableSearchRequest(task.getUserTaskKey()).filter(f -> f.name(name)).send().join()
        .items().get(0).getValue();
  }

  private static int ageOn(String birthDate) {
    return Period.between(LocalDate.parse(birthDate), LocalDate.now()).getYears();
  }

  /** The filed PDF's text layer, spaces removed (the layout splits table cells into runs). */
  private String pdfText(Map<String, String> vars) throws IOException {
    DocumentReference pdf = DocumentReference.fromVariable(JSON.readValue(vars.get("questionnairePdf"), Map.class));
    try (var in = documents.open(pdf.id()); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s", "");
    }
  }

  private List<Incident> activeIncidents(long instance) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance).state(IncidentState.ACTIVE))
        .send().join().items();
  }

  private List<String> elementIds(long instance) {
    return client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items()
        .stream().map(e -> e.getElementId()).toList();
  }

  private Map<String, String> variables(long instance) {
    Map<String, String> values = new java.util.TreeMap<>();
    client.newVariableSearchRequest().filter(f -> f.scopeKey(instance)).send().join().items()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

}
