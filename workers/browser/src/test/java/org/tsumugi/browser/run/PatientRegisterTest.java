package org.tsumugi.browser.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;

/** 新患登録 by the real robots/ scenario: a patient the EMR does not know gets one chart, never two. */
class PatientRegisterTest {

  private final SandboxEmr emr = RobotTestKit.emr();
  private final BrowserRobot robot = RobotTestKit.robot(RobotTestKit.catalog(Map.of()));

  @BeforeEach
  void freshEmr() {
    emr.reset();
  }

  private static Map<String, Object> patient(String name, String birthDate) {
    return Map.of("name", name, "kana", "ヤマダ タロウ", "birthDate", birthDate, "sex", "男性",
        "phone", "090-1234-5678");
  }

  @Test
  void registersTheNewPatientAndReturnsTheEmrsPatientId() {
    RunOutcome outcome = RobotTestKit.run(robot, "sandbox-emr/patient-register", patient("山田 太郎", "1960-01-01"),
        "job-7");

    // 山田 太郎 born 1958 is already in the EMR: a namesake, so this one gets a chart of his own.
    assertThat(emr.registrations()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("山田 太郎");
      assertThat(r.kana()).isEqualTo("ヤマダ タロウ");
      assertThat(r.birthDate()).isEqualTo("1960-01-01");
      assertThat(r.sex()).isEqualTo("男");
      assertThat(r.phone()).isEqualTo("090-1234-5678");
    });
    Map<String, Object> vars = ((RunOutcome.Completed) outcome).variables();
    assertThat(vars).containsEntry("patientId", emr.registrations().get(0).patientId())
        .containsEntry("browserWrites", Map.of("新患登録", "written"));
    assertThat(vars.get("patientId")).isNotEqualTo("P0001");
  }

  @Test
  void aRetriedJobFindsThePatientItRegisteredAndRegistersNobodyTwice() {
    RunOutcome first = RobotTestKit.run(robot, "sandbox-emr/patient-register", patient("田中 美咲", "1985-06-15"),
        "job-8");
    RunOutcome retry = RobotTestKit.run(robot, "sandbox-emr/patient-register", patient("田中 美咲", "1985-06-15"),
        "job-8");

    assertThat(emr.registrations()).hasSize(1);
    assertThat(((RunOutcome.Completed) retry).variables())
        .containsEntry("browserWrites", Map.of("新患登録", "skipped"))
        .containsEntry("patientId", ((RunOutcome.Completed) first).variables().get("patientId"));
  }

  @Test
  void aKnownPatientIsNotRegisteredAgain() {
    RunOutcome outcome = RobotTestKit.run(robot, "sandbox-emr/patient-register", patient("佐藤 花子", "1990-11-03"));

    assertThat(emr.registrations()).isEmpty();
    assertThat(((RunOutcome.Completed) outcome).variables()).containsEntry("patientId", "P0002");
  }
}
