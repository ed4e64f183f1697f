package org.tsumugi.browser.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;

/**
 * The worst moment to crash: the EMR has saved the 問診 but the robot never saw the confirmation.
 * The retried job must find its own record by the idempotency key instead of entering it again.
 */
class IdempotentWriteTest {

  private final SandboxEmr emr = RobotTestKit.emr();
  private final BrowserRobot robot = RobotTestKit.robot(RobotTestKit.catalog(Map.of()));

  @BeforeEach
  void freshEmr() {
    emr.reset();
  }

  @AfterEach
  void fastEmr() {
    emr.saveResponseDelay(Duration.ZERO);
  }

  @Test
  void aJobKilledMidEntryAndRetriedNeverEntersTheRecordTwice() throws Exception {
    emr.saveResponseDelay(Duration.ofSeconds(8));
    Map<String, Object> monshin = MonshinEntryTest.monshin("P0003");

    CompletableFuture<RunOutcome> firstAttempt = CompletableFuture.supplyAsync(
        () -> RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin, "job-2251799813685249"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (emr.records().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(emr.records()).as("the EMR received the entry").hasSize(1);
    assertThat(RobotTestKit.crashBrowsers()).as("browser processes killed").isPositive();

    RunOutcome crashed = firstAttempt.get(60, TimeUnit.SECONDS);
    assertThat(crashed).isInstanceOfSatisfying(RunOutcome.TechnicalFailure.class,
        f -> assertThat(f.message()).startsWith("ブラウザが異常終了しました。新しいブラウザに入れ替えました。再試行してください"));

    emr.saveResponseDelay(Duration.ZERO);
    RunOutcome retried = RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin, "job-2251799813685249");

    assertThat(retried).isInstanceOfSatisfying(RunOutcome.Completed.class,
        c -> assertThat(c.variables()).containsEntry("browserWrites", Map.of("問診登録", "skipped")));
    assertThat(emr.records()).singleElement().satisfies(r -> {
      assertThat(r.receiptNo()).isEqualTo("job-2251799813685249");
      assertThat(r.chiefComplaint()).isEqualTo("3日前からの頭痛と発熱（38.2℃）");
    });
  }

  @Test
  void anotherJobForTheSamePatientIsStillEntered() {
    RobotTestKit.run(robot, "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P0003"), "job-1");
    RobotTestKit.run(robot, "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P0003"), "job-2");

    assertThat(emr.records()).extracting(SandboxEmr.MonshinRecord::receiptNo).containsExactly("job-1", "job-2");
  }
}
