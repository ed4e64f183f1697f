package org.tsumugi.monshin.e2e;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.tsumugi.browser.job.BrowserRunWorker;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.sandbox.RobotTestKit;

/**
 * The server's parts the intake needs, in one test application: the embedded engine, the document
 * robots and the intake's workers (auto-configured), and the browser robot wired to the sandbox EMR
 * with its test vault (RobotTestKit), since the sandbox's login is a test secret.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class IntakeTestApplication {

  @Bean
  BrowserRobot browserRobot() {
    return RobotTestKit.robot(RobotTestKit.catalog(Map.of()));
  }

  @Bean
  BrowserRunWorker browserRunWorker(BrowserRobot robot, CamundaClient client) {
    return new BrowserRunWorker(robot, client);
  }
}
