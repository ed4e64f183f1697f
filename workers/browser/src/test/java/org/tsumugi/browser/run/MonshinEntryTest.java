package org.tsumugi.browser.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;

/** The reference task: a web 問診 entered into the sandbox EMR by the real robots/ scenario. */
class MonshinEntryTest {

  private final SandboxEmr emr = RobotTestKit.emr();
  private final BrowserRobot robot = RobotTestKit.robot(RobotTestKit.catalog(Map.of()));

  @BeforeEach
  void freshEmr() {
    emr.reset();
  }

  static Map<String, Object> monshin(String patientId) {
    return Map.of("patientId", patientId, "chiefComplaint", "3日前からの頭痛と発熱（38.2℃）",
        "onset", "1週間以内", "allergy", true, "note", "ペニシリンで発疹の既往");
  }

  @Test
  void entersTheQuestionnaireIntoThePatientsChartWithJapaneseTextIntact() {
    RunOutcome outcome = RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin("P0002"), "web-monshin-0001");

    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    assertThat(emr.records()).singleElement().satisfies(r -> {
      assertThat(r.patientId()).isEqualTo("P0002");
      assertThat(r.receiptNo()).isEqualTo("web-monshin-0001");
      assertThat(r.chiefComplaint()).isEqualTo("3日前からの頭痛と発熱（38.2℃）");
      assertThat(r.onset()).isEqualTo("1週間以内");
      assertThat(r.allergy()).isTrue();
      assertThat(r.note()).isEqualTo("ペニシリンで発疹の既往");
    });
    Map<String, Object> vars = ((RunOutcome.Completed) outcome).variables();
    assertThat(vars).containsEntry("emrPatientName", "佐藤 花子")
        .containsEntry("browserWrites", Map.of("問診登録", "written"));
    assertThat(vars).containsKey("browserEvidence");
  }

  @Test
  void anUnknownPatientIsTheDeclaredBusinessErrorNotATechnicalFailure() {
    RunOutcome outcome = RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin("P9999"));

    assertThat(outcome).isInstanceOfSatisfying(RunOutcome.BusinessError.class, e -> {
      assertThat(e.code()).isEqualTo("PATIENT_NOT_FOUND");
      assertThat(e.message()).isEqualTo("電子カルテに該当する患者がいません");
    });
    assertThat(emr.records()).isEmpty();
  }

  @Test
  void theSameJobRunTwiceEntersTheRecordOnce() {
    RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin("P0001"), "job-42");
    RunOutcome second = RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin("P0001"), "job-42");

    assertThat(((RunOutcome.Completed) second).variables()).containsEntry("browserWrites", Map.of("問診登録", "skipped"));
    assertThat(emr.records()).hasSize(1);
  }

  @Test
  void aKeptLoginIsReusedByTheNextJobAndRenewedOnceTheEmrExpiredIt() throws Exception {
    emr.logoutEveryone();
    RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin("P0001"));
    RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin("P0002"));
    assertThat(emr.logins()).as("second job reused the login").isEqualTo(1);

    Thread.sleep(300);
    emr.expireSessionsIdleFor(java.time.Duration.ofMillis(300));
    RunOutcome afterExpiry = RobotTestKit.run(robot, "sandbox-emr/monshin-entry", monshin("P0003"));

    assertThat(afterExpiry).isInstanceOf(RunOutcome.Completed.class);
    assertThat(emr.logins()).isEqualTo(2);
    assertThat(emr.records()).hasSize(3);
  }
}
