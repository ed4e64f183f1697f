package org.tsumugi.server.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.claims.uke.UkeGenerator;
import org.tsumugi.document.store.DocumentStore;

/**
 * The conformance suite's workflow, written once for every target cluster: a remote-mode Tsumugi server
 * deploys the repository's models (bpmn/ with its decision tables, forms/) to the target, a clerk's upload
 * starts the claim check through its message start event, the server's claims and document robots take the
 * target's jobs, the clerks' reviews and the lead's reading of the report are completed through the
 * server's own Camunda client as its inbox does, and the target reports the instance completed with the
 * findings and the morning report a person expects. Each subclass names one target.
 */
abstract class NightlyClaimCheckConformance {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final YearMonth MONTH = YearMonth.of(2026, 9);

  /** A running cluster for the remote-mode server: its REST address and the client settings to reach it. */
  record Target(String restAddress, List<String> clientSettings, AutoCloseable stop) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      stop.close();
    }
  }

  /** Starts the target, or skips the test with the reason where it cannot run here. */
  abstract Target startTarget(Path data) throws Exception;

  @Test
  void anUploadedMonthIsCheckedReviewedRecheckedAndReportedOnTheTarget(@TempDir Path data) throws Exception {
    Path inbox = Files.createDirectories(data.resolve("claims-inbox"));
    new UkeGenerator(new UkeGenerator.Options(30, MONTH, 3, 0.5)).write(inbox.resolve("09_RECEIPTC.UKE"));
    Path repository = Path.of("..").toAbsolutePath().normalize();

    try (Target target = startTarget(data);
        ConfigurableApplicationContext remote = TestServers.start("remote", data, concat(List.of(
            "--tsumugi.mode=remote", "--camunda.client.rest-address=" + target.restAddress(),
            "--tsumugi.deploy.folders=" + repository.resolve("bpmn") + "," + repository.resolve("forms"),
            "--tsumugi.claims.nightly.inbox-dir=" + inbox,
            "--tsumugi.claims.nightly.archive-dir=" + data.resolve("claims-imported"),
            "--tsumugi.claims.findings-dir=" + data.resolve("claims-findings"),
            "--tsumugi.document.data-dir=" + data.resolve("documents")), target.clientSettings()))) {
      CamundaClient cluster = remote.getBean(CamundaClient.class);
      // a cluster's searches see what its exporter has written, a moment after the deployment
      await(() -> cluster.newDecisionDefinitionSearchRequest().filter(f -> f.decisionDefinitionId("claim-exclusive"))
          .send().join().items().stream().findFirst().orElse(null), "the claims decision tables on the target");

      // the clerk's upload of the month's file, not the 02:00 timer
      cluster.newPublishMessageCommand().messageName("claims-upload").withoutCorrelationKey().send().join();
      long instance = await(() -> cluster.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId("claim-check-nightly")).send().join().items().stream()
          .findFirst().map(p -> p.getProcessInstanceKey()).orElse(null), "the upload starts the check");

      List<?> groups = await(() -> this.<List<?>>instanceVariable(cluster, instance, "reviewGroups"),
          "the robots import, check and group the findings");
      List<UserTask> reviews = await(() -> {
        List<UserTask> open = tasks(cluster, instance, "ReviewFindings");
        return open.size() == groups.size() ? open : null;
      }, "one review task per group");
      assertThat(Files.list(inbox).toList()).as("the robot imported the file from the inbox").isEmpty();
      assertThat(reviews).allSatisfy(t -> assertThat(t.getCandidateGroups()).containsExactly("claims-clerks"));

      // the clerk corrects one receipt in the レセコン, which re-exports the month without that mistake
      new UkeGenerator(new UkeGenerator.Options(30, MONTH, 3, 0.0)).write(inbox.resolve("09_RECEIPTC_修正.UKE"));
      Map<String, Object> corrected = null;
      int decisions = 0;
      for (UserTask task : reviews) {
        List<Map<String, Object>> decided = new ArrayList<>();
        for (Map<String, Object> finding : this.<List<Map<String, Object>>>taskVariable(cluster, task, "findings")) {
          assertThat(finding).containsKeys("receiptNo", "ruleId", "severity", "message");
          Map<String, Object> decision = new LinkedHashMap<>(finding);
          if (corrected == null && !String.valueOf(finding.get("receiptNo")).isEmpty()) {
            decision.put("decision", "corrected");
            corrected = finding;
          } else {
            decision.put("decision", "accepted");
            decision.put("reason", "算定要件を満たすことを確認済み");
          }
          decided.add(decision);
          decisions++;
        }
        cluster.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("findings", decided)).send().join();
      }
      assertThat(corrected).as("a finding on a receipt to correct").isNotNull();

      UserTask notice = await(() -> tasks(cluster, instance, "ReadReport").stream().findFirst().orElse(null),
          "the robots re-check the correction and file the morning report");
      assertThat(notice.getCandidateGroups()).containsExactly("claims-lead");
      assertThat(this.<String>instanceVariable(cluster, instance, "reportSummary"))
          .contains("点検 30 件", "再点検で解消 1 件");
      DocumentStore documents = remote.getBean(DocumentStore.class);
      Map<String, Object> pdf = instanceVariable(cluster, instance, "reportPdf");
      assertThat(pdfText(documents, (String) pdf.get("id")))
          .contains("レセプト点検結果報告", "2026年9月", "試験病院", "修正した", "解消", "問題なし");
      Map<String, Object> csv = instanceVariable(cluster, instance, "reportCsv");
      List<String> rows = text(documents, (String) csv.get("id")).lines().skip(1).toList();
      assertThat(rows).as("every decision in the report").hasSize(decisions);
      String fixedRow = "," + corrected.get("receiptNo") + "," + corrected.get("patientNo") + ","
          + corrected.get("ruleId") + ",";
      assertThat(rows).anySatisfy(r -> assertThat(r).contains(fixedRow).endsWith(",修正した,,解消"));

      cluster.newCompleteUserTaskCommand(notice.getUserTaskKey()).send().join();
      await(() -> cluster.newProcessInstanceGetRequest(instance).send().join().getState()
          == ProcessInstanceState.COMPLETED ? true : null, "the instance completes on the target");
      assertThat(cluster.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join()
          .items()).extracting(e -> e.getElementId())
          .contains("StartUpload", "ImportFiles", "CheckFirstBatch", "GroupFindings", "Recheck", "BuildReport",
              "RenderReport", "EndReported")
          .doesNotContain("StartNightly", "EndNothing");
    }
  }

  private static List<UserTask> tasks(CamundaClient cluster, long instance, String elementId) {
    return cluster.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED))
        .send().join().items();
  }

  private <T> T instanceVariable(CamundaClient cluster, long instance, String name) {
    List<Variable> found = cluster.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(instance).name(name)).send().join().items();
    return found.isEmpty() ? null : value(cluster, found.get(0));
  }

  private <T> T taskVariable(CamundaClient cluster, UserTask task, String name) {
    return value(cluster, cluster.newUserTaskVariableSearchRequest(task.getUserTaskKey()).filter(f -> f.name(name))
        .send().join().items().get(0));
  }

  /** The variable's whole value: searches return long values cut short. */
  private static <T> T value(CamundaClient cluster, Variable variable) {
    String json = variable.isTruncated()
        ? cluster.newVariableGetRequest(variable.getVariableKey()).send().join().getValue() : variable.getValue();
    try {
      return JSON.readValue(json, new TypeReference<T>() { });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("variable " + variable.getName() + " is not JSON", e);
    }
  }

  private static String pdfText(DocumentStore documents, String id) throws java.io.IOException {
    try (InputStream in = documents.open(id); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  private static String text(DocumentStore documents, String id) throws java.io.IOException {
    try (InputStream in = documents.open(id)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String[] concat(List<String> settings, List<String> more) {
    List<String> all = new ArrayList<>(settings);
    all.addAll(more);
    return all.toArray(String[]::new);
  }

  /** Bounded polling: the robots and the target work on their own threads and schedules. */
  static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
  }
}
