package org.tsumugi.browser.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;

/** What a robot does when the page, the data or the target misbehaves: fail clearly, fast, with evidence. */
class BadInputTest {

  private final SandboxEmr emr = RobotTestKit.emr();

  @BeforeEach
  void freshEmr() {
    emr.reset();
  }

  private RunOutcome play(String yaml, Map<String, Object> variables) {
    BrowserRobot robot = RobotTestKit.robot(RobotTestKit.catalog(Map.of("test/bad.yaml", yaml)));
    return RobotTestKit.run(robot, "test/bad", variables);
  }

  private static RunOutcome.TechnicalFailure technical(RunOutcome outcome) {
    assertThat(outcome).isInstanceOf(RunOutcome.TechnicalFailure.class);
    return (RunOutcome.TechnicalFailure) outcome;
  }

  @Test
  void aSelectorMatchingNothingNamesFileStepAndSelectorAndLeavesAScreenshot() {
    RunOutcome.TechnicalFailure f = technical(play("""
        target: sandbox-emr
        steps:
          - call: sandbox-emr/login
          - open: /patients
          - click: {role: button, name: 削除}
            timeout: 1s
        """, Map.of()));

    assertThat(f.message()).isEqualTo("test/bad.yaml: steps[2] (click): 要素が見つかりません: role=button name=削除（1 秒待機）");
    assertThat(f.evidence().screenshots()).singleElement().asString().endsWith("-failure.png");
    assertThat(RobotTestKit.evidence().read(f.evidence().screenshots().get(0))).isNotEmpty();
    assertThat(f.evidence().stepLog()).isNotNull();
  }

  @Test
  void aPageThatNeverLoadsIsBoundedByThePageTimeout() {
    long start = System.nanoTime();
    RunOutcome.TechnicalFailure f = technical(play("""
        target: sandbox-emr
        timeouts: {page: 2s}
        steps:
          - call: sandbox-emr/login
          - open: /slow?ms=20000
        """, Map.of()));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
    assertThat(f.message()).isEqualTo("test/bad.yaml: steps[1] (open): ページが 2 秒以内に読み込まれませんでした（/slow?ms=20000）");
  }

  @Test
  void aSlowPageWithinTheTimeoutIsFine() {
    RunOutcome outcome = play("""
        target: sandbox-emr
        timeouts: {page: 10s}
        steps:
          - call: sandbox-emr/login
          - open: /slow?ms=1500
          - extract: {css: "#slow-done"}
            as: done
        """, Map.of());

    assertThat(((RunOutcome.Completed) outcome).variables()).containsEntry("done", "読み込み完了");
  }

  @Test
  void aMissingJobVariableIsNamed() {
    emr.logoutEveryone();
    RunOutcome.TechnicalFailure f = technical(RobotTestKit.run(RobotTestKit.robot(RobotTestKit.catalog(Map.of())),
        "sandbox-emr/monshin-entry", Map.of("patientId", "P0001")));

    assertThat(f.message()).isEqualTo("シナリオ sandbox-emr/monshin-entry に必要な変数 chiefComplaint がありません");
    assertThat(emr.logins()).isZero();
  }

  @Test
  void aSecretMissingFromTheVaultIsNamedButNeverAValue() {
    RunOutcome.TechnicalFailure f = technical(play("""
        target: sandbox-emr
        steps:
          - open: /login
          - fill: {label: パスワード}
            value: "{{secret:other-emr.password}}"
        """, Map.of()));

    assertThat(f.message()).isEqualTo("test/bad.yaml: steps[1] (fill): 資格情報保管庫に other-emr.password がありません");
  }

  @Test
  void anUnknownScenarioIsATechnicalFailureNamingIt() {
    RunOutcome.TechnicalFailure f = technical(RobotTestKit.run(RobotTestKit.robot(RobotTestKit.catalog(Map.of())),
        "sandbox-emr/monshin-entyr", Map.of()));

    assertThat(f.message()).startsWith("シナリオ sandbox-emr/monshin-entyr がありません。あるもの: ");
  }

  @Test
  void loggedOutMidRunTheRobotLogsInOnceAndFinishes() {
    emr.logoutEveryone();
    emr.logoutOnNextVisit("/monshin/new");

    RunOutcome outcome = RobotTestKit.run(RobotTestKit.robot(RobotTestKit.catalog(Map.of())),
        "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P0001"));

    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    assertThat(emr.logins()).isEqualTo(2);
    assertThat(emr.records()).hasSize(1);
    String log = new String(RobotTestKit.evidence().read(outcome.evidence().stepLog()), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log).contains("\"result\" : \"relogin\"");
  }

  @Test
  void loggedOutAgainAfterTheReloginTheRobotGivesUpClearly() {
    emr.logoutEveryone();
    emr.logoutOnEveryVisit("/monshin/new");

    RunOutcome.TechnicalFailure f = technical(RobotTestKit.run(RobotTestKit.robot(RobotTestKit.catalog(Map.of())),
        "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P0001")));

    assertThat(f.message()).isEqualTo("対象システム sandbox-emr から再ログイン後も再びログアウトされました。"
        + "利用者IDの状態やセッション設定を確認してください");
    assertThat(emr.logins()).isEqualTo(2);
    assertThat(emr.records()).isEmpty();
  }
}
