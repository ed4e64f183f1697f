package org.tsumugi.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.referral.letter.Drafting;
import org.tsumugi.referral.worker.DraftWorker;
import org.tsumugi.server.documents.TestPdf;
import org.tsumugi.server.web.Json;
import org.tsumugi.server.web.WebSpec;

/**
 * Staff find and complete the user tasks of the three shipped workflows (bpmn/ and forms/, deployed as the
 * server deploys them at start-up) through their real forms. The robot steps before each task are answered
 * by the test with what those robots produce (the referral draft by the real draft worker), because the
 * EMR they would drive is outside Tsumugi.
 */
class ReferenceWorkflowsBrowserSpec extends WebSpec {
  private static boolean deployed;

  @Autowired
  DocumentStore store;

  @BeforeEach
  void deployTheShippedModels() throws IOException {
    if (deployed) {
      return;
    }
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("../forms", "../bpmn")) {
      try (Stream<Path> list = Files.list(Path.of(folder))) {
        list.filter(p -> p.toString().matches(".*\\.(form|dmn|bpmn)$")).sorted().forEach(files::add);
      }
    }
    var command = client.newDeployResourceCommand().addResourceFile(files.get(0).toString());
    for (Path file : files.subList(1, files.size())) {
      command = command.addResourceFile(file.toString());
    }
    command.requestTimeout(Duration.ofMinutes(1)).send().join(); // a busy machine parses the models slowly
    deployed = true;
  }

  @Test
  void theDoctorAsksForARedraftThenApprovesTheReferralLetterThroughItsReviewForm() {
    long instance = start("referral-letter", Map.of("patientId", "P0001", "requestingDoctor", "doctor",
        "destinationInstitution", "つむぎ総合病院", "destinationDepartment", "循環器内科", "purpose", "胸痛の精査"));
    // what sandbox-emr/patient-summary reads from the chart
    complete(take("tsumugi.browser.run", instance), Map.of("emrPatientName", "山田 太郎", "emrBirthDate", "1958-04-12",
        "emrDiagnoses", List.of(Map.of("傷病名", "本態性高血圧症", "開始日", "2020-04-01")),
        "emrHistory", "虫垂炎（20歳）"));
    draft(instance);
    long review = awaitTask(instance, "review");

    browser.login("doctor");
    openFromInbox("referral-letter", review);
    WebElement purpose = field("LetterPurpose");
    assertThat(purpose.getAttribute("value")).isEqualTo("胸痛の精査");
    assertThat(field("LetterDiagnosis").getAttribute("value")).isEqualTo("本態性高血圧症（2020-04-01〜）");
    assertThat(browser.find("#task-form").getText()).contains("つむぎ総合病院 循環器内科 宛て");

    // a redraft needs its instruction: the form marks the empty field and the task stays open
    replace(purpose, "労作時胸痛の精査と加療のご依頼");
    choose("ReviewDecision", 1); // コメントを付けて下書きを作り直す
    field("ReviewComment");
    browser.find("#form-submit").click();
    assertThat(browser.await("#form-message").getText()).contains("入力内容を確認してください");
    assertThat(browser.find("[id$='-ReviewComment-error-message']").getText()).isEqualTo("必須項目です。");
    assertThat(client.newUserTaskGetRequest(review).send().join().getState()).isEqualTo(UserTaskState.CREATED);
    show("[id$='-ReviewComment']");
    browser.screenshot("task-form");

    field("ReviewComment").sendKeys("既往歴に喫煙歴を加えてください");
    submit();
    assertThat(variable(instance, "reviewDecision")).isEqualTo("redraft");
    assertThat(variable(instance, "reviewComment")).isEqualTo("既往歴に喫煙歴を加えてください");
    assertThat(variable(instance, "letterPurpose")).isEqualTo("労作時胸痛の精査と加療のご依頼");
    draft(instance); // back at the draft, which keeps what the doctor wrote
    long second = awaitTask(instance, "review");

    openFromInbox("referral-letter", second);
    assertThat(field("LetterPurpose").getAttribute("value")).isEqualTo("労作時胸痛の精査と加療のご依頼");
    assertThat(browser.find("#task-form").getText()).contains("既往歴に喫煙歴を加えてください");
    replace(field("LetterHistory"), "既往歴: 虫垂炎（20歳）\n喫煙歴: 20本/日 × 30年");
    choose("ReviewDecision", 0); // 承認する
    submit();

    assertThat(variable(instance, "reviewDecision")).isEqualTo("approve");
    assertThat(variable(instance, "letterHistory")).isEqualTo("既往歴: 虫垂炎（20歳）\n喫煙歴: 20本/日 × 30年");
    assertThat(variable(instance, "letterPurpose")).isEqualTo("労作時胸痛の精査と加療のご依頼");
    assertThat(take("tsumugi.referral.finalize", instance)).as("approved: on to the finalizing robot").isNotNull();
  }

  @Test
  void aClaimsClerkDecidesTheNightsFindingsAndTheLeadReadsTheMorningReport() throws IOException {
    String night = "night-" + System.nanoTime();
    client.newPublishMessageCommand().messageName("claims-upload").correlationKey(night)
        .variables(Map.of("uploadedBy", night)).send().join();
    ActivatedJob imported = take("tsumugi.claims.import", job -> night.equals(job.getVariablesAsMap().get("uploadedBy")));
    long instance = imported.getProcessInstanceKey();
    complete(imported, Map.of("ukeFiles", List.of("/var/tsumugi/claims/imported/RECEIPTC.UKE")));
    complete(take("tsumugi.claims.check", instance), Map.of("receiptsRead", 120,
        "findingsFile", "/var/tsumugi/claims/findings/findings-1.csv"));
    complete(take("tsumugi.claims.group", instance), Map.of("reviewGroups", List.of(Map.of("label", "内科",
        "notShown", 0, "findings", List.of(
            finding("1", "10001", "エラー", "R-DX-01", "適応病名がありません（アセトアミノフェン）"),
            finding("2", "10002", "警告", "R-CNT-03", "再診料が同日に2回算定されています"))))));
    long review = awaitTask(instance, "ReviewFindings");

    browser.login("clerk");
    browser.open("/inbox?process=claim-check-nightly");
    browser.find("#task-" + review + " button.claim").click();
    assertThat(browser.await("#assignee").getText()).isEqualTo("clerk");
    browser.await("#task-form [id*='-Decision']");
    assertThat(browser.find("#task-form").getText()).contains("レセプト点検の指摘（内科）");
    assertThat(field("Message_0").getAttribute("value")).isEqualTo("適応病名がありません（アセトアミノフェン）");
    assertThat(field("Message_1").getAttribute("readonly")).isNotNull();
    assertThat(browser.present("[id$='-Decision_2-0']")).as("two findings, no more").isFalse();
    choose("Decision_0", 0); // 修正した
    choose("Decision_1", 2); // 対象外（指摘が誤り）
    // 対象外 needs a reason: refused until it is given
    browser.find("#form-submit").click();
    assertThat(browser.await("#form-message").getText()).contains("入力内容を確認してください");
    assertThat(browser.find("[id$='-Reason_1-error-message']").getText()).isEqualTo("必須項目です。");
    assertThat(browser.present("[id$='-Reason_0']")).as("a correction needs no reason").isFalse();
    field("Reason_1").sendKeys("同日に別受診あり、算定は正しい");
    show("#task-form");
    browser.screenshot("task-claim-review");
    submit();

    List<?> reviews = (List<?>) Json.read(variableJson(instance, "reviews"));
    List<?> decided = (List<?>) reviews.get(0);
    assertThat(decided).hasSize(2);
    // the finding's identity, which the form does not show, comes back with the decision: the re-check and the
    // report find the finding by it
    assertThat(decided.get(0)).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("id", "1-R-DX-01")
        .containsEntry("subject", "SY IY:620000002").containsEntry("decision", "corrected");
    assertThat(decided.get(1)).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("receiptNo", "2").containsEntry("decision", "dismissed")
        .containsEntry("reason", "同日に別受診あり、算定は正しい");
    // a correction was made: the re-check robot runs before the report
    complete(take("tsumugi.claims.recheck", instance), Map.of("fixedCount", 0));
    var csv = store.store(new ByteArrayInputStream("レセプト番号,指摘\n1,適応病名\n".getBytes(StandardCharsets.UTF_8)),
        "全指摘.csv", null);
    complete(take("tsumugi.claims.report", instance), Map.of("reportCsv", csv.reference().toVariable(),
        "reportSummary", "指摘 2 件（エラー 1、警告 1）。修正 1 件、対象外 1 件。",
        "reportData", Map.of("指摘件数", 2, "修正済件数", 0)));
    var pdf = store.store(new ByteArrayInputStream(TestPdf.withText("Claim check report")),
        "レセプト点検結果報告.pdf", null);
    complete(take("tsumugi.document.render", instance), Map.of("reportPdf", pdf.reference().toVariable()));
    long report = awaitTask(instance, "ReadReport");

    browser.login("lead");
    openFromInbox("claim-check-nightly", report);
    assertThat(field("Comment").isDisplayed()).isTrue();
    assertThat(browser.find("#task-form").getText()).contains("指摘 2 件（エラー 1、警告 1）", "関連文書");
    browser.waitUntil(d -> "1".equals(browser.find(".pdf-preview").getAttribute("data-rendered")), "the report drawn");
    assertThat(browser.find("#documents").getText()).contains("全指摘.csv");
    // every link the form and the page give the lead opens for the lead (not form-js's own bpmn.io badge)
    List<String> links = browser.driver().findElements(By.cssSelector("#task-form a, #documents a")).stream()
        .map(a -> a.getAttribute("href")).filter(href -> !href.startsWith("https://bpmn.io")).toList();
    assertThat(links).isNotEmpty();
    for (String link : links) {
      assertThat(status(link)).as(link).isEqualTo(200);
    }
    field("Comment").sendKeys("内科に周知済み");
    browser.screenshot("task-claim-report");
    submit();

    awaitCompleted(instance);
    assertThat(variable(instance, "leadComment")).isEqualTo("内科に周知済み");
  }

  @Test
  void nursesAcknowledgeAndReviewAnUrgentMonshinAndAClerkIdentifiesThePatient() {
    String reception = "R-" + System.nanoTime();
    client.newPublishMessageCommand().messageName("monshin-submitted").correlationKey(reception)
        .variables(Map.of("receptionId", reception, "submittedAt", Instant.now().toString())).send().join();
    ActivatedJob normalize = take("tsumugi.monshin.normalize",
        job -> reception.equals(job.getVariablesAsMap().get("receptionId")));
    long instance = normalize.getProcessInstanceKey();
    // what the 問診 robot makes of the patient's answers: the triage table (real DMN) finds them urgent
    complete(normalize, Map.of("monshinHasProblems", false, "monshinProblemText", "", "monshin", Map.ofEntries(
        Map.entry("name", "山田 太郎"), Map.entry("kana", "ヤマダ タロウ"), Map.entry("birthDate", "1958-04-12"),
        Map.entry("birthDateWareki", "昭和33年4月12日"), Map.entry("age", 68), Map.entry("sex", "male"),
        Map.entry("phone", "090-1234-5678"), Map.entry("chiefComplaint", "胸が締め付けられるように痛い"),
        Map.entry("onset", "今日"), Map.entry("redFlags", List.of("chest-pain", "cold-sweat")),
        Map.entry("redFlagLabels", "胸の痛み、冷や汗"),
        Map.entry("allergy", false), Map.entry("allergyDetail", ""), Map.entry("emrNote", ""))));
    long urgent = awaitTask(instance, "AcknowledgeUrgent");

    browser.login("nurse");
    browser.open("/inbox?process=monshin-intake");
    assertThat(browser.find("#task-" + urgent).getText()).contains("至急");
    openFromInbox("monshin-intake", urgent);
    assertThat(browser.find("#task-form").getText()).contains(reception, "胸の痛みと冷や汗",
        "胸が締め付けられるように痛い", "090-1234-5678");
    field("Action").sendKeys("電話で救急受診を勧めた");
    browser.find("#task-form input[type=checkbox][id$='-Acknowledged']").click();
    submit();
    assertThat(variable(instance, "urgentAction")).isEqualTo("電話で救急受診を勧めた");
    assertThat(variable(instance, "acknowledged")).isEqualTo(true);

    long review = awaitTask(instance, "ReviewAnswers");
    openFromInbox("monshin-intake", review);
    assertThat(field("Name").getAttribute("value")).isEqualTo("山田 太郎");
    replace(field("Phone"), "03-1234-5678");
    browser.find("#task-form input[type=checkbox][id$='-Allergy']").click();
    field("AllergyDetail").sendKeys("ペニシリン");
    browser.find("[id$='-Onset-display']").click();
    browser.waitUntil(d -> !d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty(), "the choices");
    browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().equals("昨日")).findFirst().orElseThrow().click();
    choose("ReviewDecision", 0); // 確認した：電子カルテに登録する
    show("#task-form");
    browser.screenshot("task-monshin-review");
    submit();
    Map<String, Object> monshin = Json.object(variableJson(instance, "monshin"));
    assertThat(monshin).containsEntry("phone", "03-1234-5678").containsEntry("allergy", true)
        .containsEntry("allergyDetail", "ペニシリン").containsEntry("onset", "昨日").containsEntry("name", "山田 太郎");
    assertThat(variable(instance, "reviewDecision")).isEqualTo("register");

    // the 問診 robot tidies the corrected answers once more (RecheckAnswers) and finds nothing to send back
    complete(take("tsumugi.monshin.normalize", instance), Map.of("monshinHasProblems", false,
        "monshinProblemText", ""));
    // the EMR search finds nobody of that name and birth date, and the clinic does not let robots register
    complete(take("tsumugi.browser.run", instance), Map.of("patients", List.of()));
    ActivatedJob match = take("tsumugi.monshin.match-patient", instance);
    client.newThrowErrorCommand(match.getKey()).errorCode("PATIENT_NOT_FOUND").errorMessage("該当する患者がいません")
        .send().join();
    long identify = awaitTask(instance, "IdentifyPatient");

    browser.login("clerk");
    openFromInbox("monshin-intake", identify);
    assertThat(browser.find("#task-form").getText()).contains("山田 太郎", "昭和33年4月12日");
    field("PatientId").sendKeys("P0042");
    submit();
    ActivatedJob entry = take("tsumugi.browser.run", instance);
    assertThat(entry.getElementId()).isEqualTo("EnterIntoEmr");
    assertThat(entry.getVariablesAsMap()).containsEntry("patientId", "P0042").containsEntry("allergy", true);
  }

  private static Map<String, Object> finding(String receiptNo, String patientNo, String severity, String rule,
      String message) {
    return Map.ofEntries(Map.entry("id", receiptNo + "-" + rule), Map.entry("key", patientNo + "|" + rule),
        Map.entry("file", "RECEIPTC.UKE"), Map.entry("receiptNo", receiptNo), Map.entry("patientNo", patientNo),
        Map.entry("department", "01"), Map.entry("ruleId", rule), Map.entry("severity", severity),
        Map.entry("lines", "5"), Map.entry("subject", "SY IY:620000002"), Map.entry("message", message));
  }

  /** Finds the task in the inbox list and opens it, as a person would. */
  private void openFromInbox(String processId, long task) {
    browser.open("/inbox?process=" + processId);
    browser.find("#task-" + task + " a").click();
    browser.await("#task-form .fjs-form");
  }

  private WebElement field(String component) {
    return browser.await("#task-form [id$='-" + component + "']");
  }

  /**
   * Selects all of a field's text, types over it and leaves the field, the way a person corrects a draft:
   * form-js takes typed text when the field is left (or a moment later), and the radio choices here are
   * clicked by script, which would not move the focus.
   */
  private void replace(WebElement field, String text) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
  }

  /**
   * A radio choice by its place in the form's list, clicked in the page: a field's error message going away
   * shifts the layout under the mouse.
   */
  private void choose(String component, int option) {
    WebElement input = browser.find("#task-form input[type=radio][id$='-" + component + "-" + option + "']");
    browser.script("arguments[0].click()", input);
    assertThat(input.isSelected()).as(component + " option " + option).isTrue();
  }

  /** Completes the form and lands back in the inbox, told it is done. */
  private void submit() {
    // a message left from an earlier refusal is not the answer to this submission
    browser.script("document.getElementById('form-message').hidden = true");
    browser.find("#form-submit").click();
    browser.waitUntil(d -> browser.present("#completed") || browser.present("#form-message:not([hidden])"),
        "an answer to the submission");
    assertThat(browser.present("#completed")).as("completed, not refused: %s %s",
        browser.present("#form-message:not([hidden])") ? browser.find("#form-message").getText() : "",
        browser.driver().findElements(By.cssSelector("[id$='-error-message']")).stream()
            .map(e -> e.getAttribute("id")).toList()).isTrue();
  }

  /** Scrolls the page so that the documentation's picture shows what it is about. */
  private void show(String css) {
    browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find(css));
  }

  private long status(String url) {
    return (Long) browser.script("return fetch(arguments[0]).then(r => r.status);", url);
  }

  /** Plays the robot of the draft step with the real draft worker (deterministic: no AI configured). */
  private void draft(long instance) {
    ActivatedJob job = take(DraftWorker.TYPE, instance);
    complete(job, new DraftWorker(new Drafting(null)).handle(job));
  }

  private ActivatedJob take(String type, long instance) {
    return take(type, job -> job.getProcessInstanceKey() == instance);
  }

  /**
   * The job a robot of that type would take now. Other specs share this server and leave jobs of the same
   * types waiting, so only the one this spec means is answered; the others come free again after a second.
   */
  private ActivatedJob take(String type, Predicate<ActivatedJob> ours) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(32)
          .timeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2)).send().join().getJobs();
      var found = jobs.stream().filter(ours).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new AssertionError("no " + type + " job of this spec within 20 s");
  }

  private void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  private long awaitTask(long instance, String elementId) {
    await(() -> openTask(instance, elementId) != null, elementId + " waits");
    return openTask(instance, elementId).getUserTaskKey();
  }

  private UserTask openTask(long instance, String elementId) {
    return client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance).elementId(elementId)
        .state(UserTaskState.CREATED)).send().join().items().stream().findFirst().orElse(null);
  }

  private void awaitCompleted(long instance) {
    await(() -> client.newProcessInstanceGetRequest(instance).send().join().getState()
        == ProcessInstanceState.COMPLETED, "the instance completes");
  }

  private Object variable(long instance, String name) {
    return Json.read(variableJson(instance, name));
  }

  private String variableJson(long instance, String name) {
    var found = client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name(name)).send().join()
        .items();
    assertThat(found).as("variable " + name).isNotEmpty();
    var variable = found.get(0);
    return variable.isTruncated() ? client.newVariableGetRequest(variable.getVariableKey()).send().join().getValue()
        : variable.getValue();
  }
}
