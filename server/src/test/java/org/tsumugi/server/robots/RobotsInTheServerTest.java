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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.server.TsumugiApplication;

/**
 * The robots run inside the server against its own engine, even on a port chosen at start-up, and a
 * capability switched off leaves its jobs to someone else.
 */
class RobotsInTheServerTest {
  private static final String ADMIN_PASSWORD = "robots-in-the-server-admin";

  @Test
  void theServersOwnRobotsTakeJobsExceptForASwitchedOffCapability() throws Exception {
    Path data = Files.createTempDirectory("tsumugi-robots");
    try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TsumugiApplication.class).run(
        "--server.port=0", "--tsumugi.deploy.folders=" + data.resolve("none"),
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";WRITE_DELAY=0",
        "--tsumugi.claims.nightly.inbox-dir=" + data.resolve("inbox"),
        "--tsumugi.claims.nightly.archive-dir=" + data.resolve("imported"),
        "--tsumugi.document.data-dir=" + data.resolve("documents"),
        "--tsumugi.robots.document.enabled=false",
        "--tsumugi.security.initial-admin-password=" + ADMIN_PASSWORD)) {
      int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
      assertThat(port).isPositive();
      assertThat(server.getEnvironment().getProperty("camunda.client.rest-address"))
          .isEqualTo("http://localhost:" + port);
      assertThat(server.getEnvironment().getProperty("camunda.client.auth.username"))
          .as("the robots call /v2 with an account of their own").isEqualTo("tsumugi-robots");
      try (CamundaClient client = CamundaClient.newClientBuilder()
          .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true)
          .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username("admin")
              .password(ADMIN_PASSWORD).applyEnvironmentOverrides(false).build()).build()) {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("robots")
            .startEvent().serviceTask("import", t -> t.zeebeJobType("tsumugi.claims.import"))
            .serviceTask("render", t -> t.zeebeJobType("tsumugi.document.render")).endEvent().done(),
            "robots.bpmn").send().join();
        long instance = client.newCreateInstanceCommand().bpmnProcessId("robots").latestVersion().send().join()
            .getProcessInstanceKey();

        var jobs = client.newActivateJobsCommand().jobType("tsumugi.document.render").maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(30)).send().join().getJobs();
        assertThat(jobs).as("the claims robot imported (nothing) and the render job was left to us")
            .singleElement().satisfies(job -> assertThat(job.getVariablesAsMap()).containsEntry("ukeFiles", List.of()));
        client.newCompleteCommand(jobs.get(0).getKey()).send().join();
        assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
            .isEqualTo(ProcessInstanceState.COMPLETED);

        // the 問診 robot reads the questionnaire the engine has deployed, not a file next to the server
        client.newDeployResourceCommand().addResourceFile("../forms/monshin-questionnaire.form")
            .addProcessModel(Bpmn.createExecutableProcess("monshin-robot").startEvent()
                .serviceTask("normalize", t -> t.zeebeJobType("tsumugi.monshin.normalize"))
                .userTask("look").endEvent().done(), "monshin-robot.bpmn").send().join();
        long intake = client.newCreateInstanceCommand().bpmnProcessId("monshin-robot").latestVersion()
            .variables(java.util.Map.of("receptionId", "R-1", "answers", java.util.Map.of(
                "patientName", "山田　太郎", "birthDate", "昭和33年4月12日")))
            .send().join().getProcessInstanceKey();
        String monshin = awaitVariable(client, intake, "monshin");
        assertThat(monshin).as("normalised by the server's own 問診 robot")
            .contains("\"name\":\"山田 太郎\"", "\"birthDate\":\"1958-04-12\"");
      }
    } finally {
      deleteAll(data);
    }
  }

  /** The variable's JSON once a robot has set it; bounded, as the robots poll on their own schedule. */
  private static String awaitVariable(CamundaClient client, long instance, String name) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var found = client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name(name))
          .send().join().items();
      if (!found.isEmpty()) {
        return found.get(0).getValue();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no variable " + name + " within 30 s");
  }

  private static void deleteAll(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
