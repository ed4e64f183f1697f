package org.tsumugi.browser.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.browser.sandbox.EntryWorkerProcess;
import org.tsumugi.browser.vault.CredentialVault;
import org.tsumugi.browser.vault.VaultKey;
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
  void aWorkerProcessKilledMidEntryAndRetriedByAnotherNeverEntersTheRecordTwice(@TempDir Path dir) throws Exception {
    emr.saveResponseDelay(Duration.ofSeconds(30));
    Path keyFile = dir.resolve("vault.key");
    VaultKey key = VaultKey.generate();
    key.writeFile(keyFile);
    CredentialVault vault = CredentialVault.open(dir.resolve("vault.json"), key);
    vault.put("sandbox-emr.user", SandboxEmr.USER);
    vault.put("sandbox-emr.password", SandboxEmr.PASSWORD);
    Path browsers = Files.createTempDirectory("tbk");
    Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), EntryWorkerProcess.class.getName(),
        emr.baseUrl(), dir.resolve("vault.json").toString(), keyFile.toString(), dir.resolve("evidence").toString(),
        browsers.toString(), "job-4503599627370497", "P0004")
        .redirectErrorStream(true).redirectOutput(dir.resolve("worker.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (emr.records().isEmpty() && worker.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(emr.records()).as("the EMR received the entry from the worker process").hasSize(1);
    } finally {
      // kill -9 of the worker; its browser goes too, as when systemd stops the service's cgroup.
      List<ProcessHandle> browserProcesses = worker.toHandle().descendants().toList();
      worker.destroyForcibly().waitFor();
      browserProcesses.forEach(ProcessHandle::destroyForcibly);
      try (var files = Files.walk(browsers)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }

    emr.saveResponseDelay(Duration.ZERO);
    RunOutcome retried = RobotTestKit.run(robot, "sandbox-emr/monshin-entry",
        Map.of("patientId", "P0004", "chiefComplaint", "夜間の咳嗽と微熱", "onset", "昨日", "allergy", false, "note", ""),
        "job-4503599627370497");

    assertThat(retried).isInstanceOfSatisfying(RunOutcome.Completed.class,
        c -> assertThat(c.variables()).containsEntry("browserWrites", Map.of("問診登録", "skipped")));
    assertThat(emr.records()).extracting(SandboxEmr.MonshinRecord::receiptNo).containsExactly("job-4503599627370497");
  }

  @Test
  void anotherJobForTheSamePatientIsStillEntered() {
    RobotTestKit.run(robot, "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P0003"), "job-1");
    RobotTestKit.run(robot, "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P0003"), "job-2");

    assertThat(emr.records()).extracting(SandboxEmr.MonshinRecord::receiptNo).containsExactly("job-1", "job-2");
  }
}
