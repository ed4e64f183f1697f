package org.tsumugi.browser.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;

/** What robots type and read is patient data; logs carry run, scenario and status only. */
class NoPatientDataInLogsTest {

  @Test
  void aSuccessfulAndAFailedEntryLogNeitherValuesNorSecrets() {
    SandboxEmr emr = RobotTestKit.emr();
    emr.reset();
    emr.logoutEveryone();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      BrowserRobot robot = RobotTestKit.robot(RobotTestKit.catalog(Map.of()));
      RobotTestKit.run(robot, "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P0002"));
      RobotTestKit.run(robot, "sandbox-emr/patient-search", Map.of("query", "佐藤"));
      RobotTestKit.run(robot, "sandbox-emr/monshin-entry", MonshinEntryTest.monshin("P9999"));
    } finally {
      root.detachAppender(captured);
    }

    assertThat(captured.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
        .doesNotContain("佐藤", "花子", "頭痛", "ペニシリン", "P0002", "P9999", SandboxEmr.PASSWORD, SandboxEmr.USER));
  }
}
