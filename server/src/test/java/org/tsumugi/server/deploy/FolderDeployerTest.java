package org.tsumugi.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.server.TsumugiApplication;

/**
 * The server deploys the models in its folders at start-up, a model it cannot run does not keep the
 * others from going live, and a restart deploys nothing new.
 */
class FolderDeployerTest {
  private static final String ADMIN_PASSWORD = "folder-deployer-admin-password";
  private static final Path DATA = Path.of("target", "folder-deployer-" + System.nanoTime());

  @AfterAll
  static void cleanUp() throws IOException {
    try (var files = Files.walk(DATA)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void deploysEveryFolderAtStartUpPastFilesItCannotRunAndKeepsTheVersionOnRestart() throws IOException {
    Path bpmn = Files.createDirectories(DATA.resolve("bpmn"));
    Files.writeString(bpmn.resolve("greeting.bpmn"),
        Bpmn.convertToString(Bpmn.createExecutableProcess("greeting").startEvent().endEvent().done()));
    Files.writeString(bpmn.resolve("draft.bpmn"),
        Bpmn.convertToString(Bpmn.createExecutableProcess("draft").startEvent().serviceTask().endEvent().done()));
    // sorted by name, the process comes before its form; the form must still go in first
    Files.writeString(bpmn.resolve("intake.bpmn"), Bpmn.convertToString(Bpmn.createExecutableProcess("intake")
        .startEvent().userTask("fill", t -> t.zeebeUserTask().zeebeFormId("intake-form")
            .zeebeFormBindingType(ZeebeBindingType.deployment)).endEvent().done()));
    Files.writeString(bpmn.resolve("intake.form"), "{\"id\": \"intake-form\", \"type\": \"default\","
        + " \"components\": [{\"type\": \"textfield\", \"key\": \"complaint\", \"label\": \"主訴\"}]}");
    Files.writeString(bpmn.resolve("notes.form"), "not a form");
    Files.writeString(bpmn.resolve("rules.dmn"), "<definitions/>");
    Path more = Files.createDirectories(DATA.resolve("more"));
    Files.writeString(more.resolve("second.bpmn"),
        Bpmn.convertToString(Bpmn.createExecutableProcess("second").startEvent().endEvent().done()));

    assertThat(startAndReadVersion()).isEqualTo(1);
    assertThat(startAndReadVersion()).isEqualTo(1);
  }

  private int startAndReadVersion() {
    try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TsumugiApplication.class).run(
        "--server.port=0", "--tsumugi.deploy.folders=" + DATA.resolve("bpmn") + "," + DATA.resolve("more"),
        "--spring.datasource.url=jdbc:h2:file:" + DATA.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0",
        "--tsumugi.security.initial-admin-password=" + ADMIN_PASSWORD)) {
      int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
      try (CamundaClient client = CamundaClient.newClientBuilder()
          .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true)
          .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username("admin")
              .password(ADMIN_PASSWORD).applyEnvironmentOverrides(false).build()).build()) {
        assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId("draft").latestVersion().send()
            .join()).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
        assertThat(client.newCreateInstanceCommand().bpmnProcessId("second").latestVersion().send().join()
            .getVersion()).as("a model from the second folder").isEqualTo(1);
        long intake = client.newCreateInstanceCommand().bpmnProcessId("intake").latestVersion().send().join()
            .getProcessInstanceKey();
        var task = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(intake)).send().join().items();
        assertThat(task).as("a task bound to the form deployed from the folder").singleElement()
            .satisfies(t -> assertThat(client.newUserTaskGetFormRequest(t.getUserTaskKey()).send().join().getFormId())
                .isEqualTo("intake-form"));
        var event = client.newCreateInstanceCommand().bpmnProcessId("greeting").latestVersion()
            .withResult().send().join();
        return event.getVersion();
      }
    }
  }
}
