package org.tsumugi.server.robots;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.referral.letter.Drafting;
import org.tsumugi.referral.letter.Facts;
import org.tsumugi.server.TsumugiApplication;
import org.tsumugi.server.audit.AiCallAudit;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.audit.AuditQuery;
import org.tsumugi.server.notification.Notifications;

/**
 * The referral-letter robots run inside the server: a referral job is taken by the server's own
 * workers, and their notices reach the server's channel instead of a log line.
 */
class ReferralRobotsInTheServerTest {
  private static final String ADMIN_PASSWORD = "referral-robots-admin";
  private static Path data;
  private static ConfigurableApplicationContext server;
  private static CamundaClient client;

  @BeforeAll
  static void start() throws IOException {
    data = Files.createTempDirectory("tsumugi-referral-robots");
    server = new SpringApplicationBuilder(TsumugiApplication.class).run(
        "--server.port=0", "--tsumugi.deploy.folders=" + data.resolve("none"),
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";WRITE_DELAY=0",
        "--tsumugi.claims.nightly.inbox-dir=" + data.resolve("inbox"),
        "--tsumugi.claims.nightly.archive-dir=" + data.resolve("imported"),
        "--tsumugi.document.data-dir=" + data.resolve("documents"),
        "--tsumugi.security.initial-admin-password=" + ADMIN_PASSWORD,
        // an AI endpoint where nothing listens: every call fails at once, and must be audited all the same
        "--tsumugi.referral.ai.enabled=true", "--tsumugi.referral.ai.base-url=http://127.0.0.1:9/v1",
        "--tsumugi.referral.ai.timeout=PT2S", "--tsumugi.referral.ai.audit-file=" + data.resolve("ai-audit.jsonl"));
    int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("admin").password(ADMIN_PASSWORD).applyEnvironmentOverrides(false).build()).build();
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.close();
    try (var files = Files.walk(data)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void theServersReferralRobotTellsTheRequester() {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("referral-notice")
        .startEvent().serviceTask("notify", t -> t.zeebeJobType("tsumugi.referral.notify")
            .zeebeTaskHeader("notice", "REJECTED")).endEvent().done(), "referral-notice.bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("referral-notice").latestVersion()
        .variables(Map.of("requestingDoctor", "doctor", "patientId", "P0001")).send().join().getProcessInstanceKey();

    awaitCompleted(instance);
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("requesterNotice"))
        .send().join().items()).singleElement().satisfies(v -> assertThat(v.getValue()).contains("却下"));
    assertThat(server.getBean(Notifications.class).of("doctor", 10)).singleElement().satisfies(notice -> {
      assertThat(notice.code()).isEqualTo("REJECTED");
      assertThat(notice.processInstanceKey()).isEqualTo(instance);
      assertThat(notice.patientId()).isEqualTo("P0001");
      assertThat(notice.unread()).isTrue();
    });
  }

  @Test
  void aiCallsAreAuditedInTheHashChainedLogWithTheirMaskedTextAndNotInAFile() {
    Map<String, Object> draft = server.getBean(Drafting.class).draft(42L, Facts.fromVariables(Map.of("patientId", "P0001",
        "emrPatientName", "山田 太郎", "purpose", "山田 太郎 様の腎機能の精査")), null);
    assertThat(draft).containsEntry("draftSource", "deterministic");

    AuditLog audit = server.getBean(AuditLog.class);
    assertThat(audit.search(new AuditQuery("referral-ai", "AI_CALL", "instance:42", null, null, 10))).singleElement()
        .satisfies(entry -> {
          assertThat(entry.outcome()).isEqualTo("failed");
          assertThat(entry.target()).matches("ai_call:\\d+ instance:42 sha256:[0-9a-f]{64}");
        });
    assertThat(audit.verify().intact()).isTrue();
    JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("select masked_request from ai_call where process_instance_key = 42", String.class))
        .contains("腎機能の精査", "［個人情報").doesNotContain("山田", "P0001");
    assertThat(data.resolve("ai-audit.jsonl")).doesNotExist();

    AiCallAudit calls = server.getBean(AiCallAudit.class);
    assertThat(calls.altered()).isEmpty();
    jdbc.update("update ai_call set masked_request = 'rewritten' where process_instance_key = 42");
    assertThat(calls.altered()).as("a changed prompt no longer matches the hash in the chain").hasSize(1);
  }

  static void awaitCompleted(long instance) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (client.newProcessInstanceGetRequest(instance).send().join().getState() != ProcessInstanceState.COMPLETED) {
      assertThat(System.nanoTime()).as("instance %s completes within a minute", instance).isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
