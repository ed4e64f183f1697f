package org.tsumugi.browser.job;

import org.tsumugi.browser.Messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;

/**
 * The {@code tsumugi.browser.run} adapter, given a job as the engine would activate it: headers
 * and variables in, the engine's answer out. The robot behind it is real.
 */
class BrowserRunWorkerTest {

  private final SandboxEmr emr = RobotTestKit.emr();
  private final BrowserRobot robot = RobotTestKit.robot(RobotTestKit.catalog(Map.of("test/broken.yaml", """
      target: sandbox-emr
      steps:
        - call: sandbox-emr/login
        - click: {css: "#no-such-button"}
          timeout: 1s
      """)));
  private final BrowserRunWorker worker = new BrowserRunWorker(robot, null);
  private final List<Duration> extensions = new ArrayList<>();

  @BeforeEach
  void freshEmr() {
    emr.reset();
  }

  private static ActivatedJob job(Map<String, String> headers, Map<String, Object> variables, int retries) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(2251799813685301L);
    when(job.getType()).thenReturn(BrowserRunWorker.TYPE);
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getVariablesAsMap()).thenReturn(new HashMap<>(variables));
    when(job.getRetries()).thenReturn(retries);
    // Already past its deadline, so the first step asks for more time.
    when(job.getDeadline()).thenReturn(System.currentTimeMillis());
    return job;
  }

  private JobResult run(ActivatedJob job) {
    return worker.execute(job, d -> extensions.add(d));
  }

  @Test
  void completesWithTheExtractedValuesAsVariablesAndExtendsItsTimeoutWhileRunning() {
    JobResult result = run(job(Map.of("scenario", "sandbox-emr/patient-search", "timeoutExtension", "PT2M"),
        Map.of("query", "P0003"), 3));

    assertThat(result).isInstanceOfSatisfying(JobResult.Complete.class, c -> {
      assertThat(c.variables().get("patients")).isEqualTo(List.of(
          Map.of("患者ID", "P0003", "氏名", "鈴木 一郎", "生年月日", "1975-02-28", "性別", "男")));
      assertThat(c.variables()).containsKey("browserEvidence");
    });
    assertThat(extensions).isNotEmpty().allMatch(d -> d.equals(Duration.ofMinutes(2)));
  }

  @Test
  void theJobKeyIsTheIdempotencyKeyUnlessTheProcessGivesOne() {
    Map<String, Object> monshin = new HashMap<>(Map.of("patientId", "P0001", "chiefComplaint", "めまい",
        "onset", "今日", "allergy", false, "note", ""));
    run(job(Map.of("scenario", "sandbox-emr/monshin-entry"), monshin, 3));
    monshin.put("idempotencyKey", "web-monshin-7");
    run(job(Map.of("scenario", "sandbox-emr/monshin-entry"), monshin, 3));

    assertThat(emr.records()).extracting(SandboxEmr.MonshinRecord::receiptNo)
        .containsExactly("2251799813685301", "web-monshin-7");
  }

  @Test
  void aDeclaredBusinessErrorBecomesABpmnErrorWithThatCode() {
    JobResult result = run(job(Map.of("scenario", "sandbox-emr/patient-search"), Map.of("query", "該当なし"), 3));

    assertThat(result).isInstanceOfSatisfying(JobResult.ThrowError.class, e -> {
      assertThat(e.code()).isEqualTo("PATIENT_NOT_FOUND");
      assertThat(e.message()).isEqualTo("該当する患者がいません");
      assertThat(e.variables()).containsKey("browserEvidence");
    });
  }

  @Nested
  class TechnicalFailures {

    @Test
    void failWithOneRetryLessAndTheBackOffFromTheHeader() {
      JobResult result = run(job(Map.of("scenario", "sandbox-emr/monshin-entry", "retryBackoff", "PT45S"),
          Map.of("patientId", "P0001"), 3));

      assertThat(result).isInstanceOfSatisfying(JobResult.Fail.class, f -> {
        assertThat(f.retries()).isEqualTo(2);
        assertThat(f.backoff()).isEqualTo(Duration.ofSeconds(45));
        assertThat(f.message()).contains("必要な変数 chiefComplaint がありません");
      });
    }

    @Test
    void referenceTheFailureScreenshotInTheIncidentMessage() {
      JobResult result = run(job(Map.of("scenario", "test/broken"), Map.of(), 1));

      assertThat(result).isInstanceOfSatisfying(JobResult.Fail.class, f -> {
        assertThat(f.retries()).isZero();
        assertThat(f.backoff()).isEqualTo(BrowserRunWorker.DEFAULT_BACKOFF);
        assertThat(f.message()).contains("test/broken.yaml: steps[1] (click): 要素が見つかりません: css=#no-such-button").contains("（証跡: file:job-2251799813685301-r1/");
      });
    }

    @Test
    void aMissingScenarioHeaderGoesStraightToAnIncident() {
      JobResult result = run(job(Map.of(), Map.of(), 3));

      assertThat(result).isEqualTo(new JobResult.Fail(0, Duration.ZERO,
          "タスクヘッダー scenario にシナリオ名がありません（要素テンプレートで設定してください）", Map.of()));
    }

    @Test
    void anInstallationSetToEnglishGetsItsIncidentsInEnglish() {
      Messages.use(java.util.Locale.ENGLISH);
      try {
        JobResult missing = run(job(Map.of(), Map.of(), 3));
        JobResult failed = run(job(Map.of("scenario", "test/broken"), Map.of(), 1));

        assertThat(missing.variables()).isEmpty();
        assertThat(((JobResult.Fail) missing).message())
            .isEqualTo("The task header scenario names no scenario (set it with the element template)");
        assertThat(((JobResult.Fail) failed).message())
            .startsWith("test/broken.yaml: steps[1] (click): No element found: css=#no-such-button (waited 1 s)")
            .contains(" (evidence: file:");
      } finally {
        Messages.use(java.util.Locale.JAPANESE);
      }
    }

    @Test
    void aMalformedDurationHeaderToo() {
      JobResult result = run(job(Map.of("scenario", "sandbox-emr/login", "retryBackoff", "30s"), Map.of(), 3));

      assertThat(result).isInstanceOfSatisfying(JobResult.Fail.class, f -> {
        assertThat(f.retries()).isZero();
        assertThat(f.message()).contains("ISO-8601").contains("30s");
      });
    }
  }

  @Nested
  class TimeoutExtension {

    private long now = 1_000_000;
    private final List<Duration> asked = new ArrayList<>();

    @Test
    void asksForMoreTimeOnlyWhenLessThanHalfAnExtensionIsLeft() {
      TimeoutExtender extender = new TimeoutExtender(now + 300_000, Duration.ofMinutes(5), () -> now, asked::add);

      extender.run();
      now += 140_000;
      extender.run();
      assertThat(asked).isEmpty();

      now += 20_000;
      extender.run();
      assertThat(asked).containsExactly(Duration.ofMinutes(5));

      now += 100_000;
      extender.run();
      assertThat(asked).hasSize(1);
      now += 60_000;
      extender.run();
      assertThat(asked).hasSize(2);
    }
  }
}
