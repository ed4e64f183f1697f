package org.tsumugi.server.robots;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.server.TsumugiApplication;

/**
 * The browser robots inside the server keep their evidence in the document store: a person opening an
 * incident or a finished instance finds the screenshot and step log there, and another robot can read them
 * through the same document references as any other document.
 */
class BrowserEvidenceInTheServerTest {

  private static final String ADMIN_PASSWORD = "browser-evidence-admin";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private static Path data;
  private static ConfigurableApplicationContext server;
  private static CamundaClient client;

  @BeforeAll
  static void startServer() throws IOException {
    data = Files.createTempDirectory("tsumugi-evidence");
    Path robots = Files.createDirectories(data.resolve("robots/sandbox-emr"));
    Files.writeString(robots.resolve("login-page.yaml"), """
        description: ログイン画面を記録する
        target: sandbox-emr
        steps:
          - open: /login
          - screenshot: login-page
        """);
    Files.writeString(robots.resolve("missing-button.yaml"), """
        description: ない釦を押そうとする
        target: sandbox-emr
        steps:
          - open: /login
          - click: {css: "#no-such-button"}
            timeout: 500ms
        """);
    server = new SpringApplicationBuilder(TsumugiApplication.class).run(
        "--server.port=0", "--tsumugi.deploy.folders=" + data.resolve("none"),
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";WRITE_DELAY=0",
        "--tsumugi.claims.nightly.inbox-dir=" + data.resolve("inbox"),
        "--tsumugi.claims.nightly.archive-dir=" + data.resolve("imported"),
        "--tsumugi.document.data-dir=" + data.resolve("documents"),
        "--tsumugi.browser.robots-dir=" + data.resolve("robots"),
        "--tsumugi.browser.evidence-dir=" + data.resolve("evidence"),
        "--tsumugi.browser.targets.sandbox-emr=" + RobotTestKit.emr().baseUrl(),
        "--tsumugi.security.initial-admin-password=" + ADMIN_PASSWORD);
    int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("admin").password(ADMIN_PASSWORD).applyEnvironmentOverrides(false).build()).build();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    try (var files = Files.walk(data)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void aScreenshotTheScenarioAsksForLandsInTheDocumentStoreAndTheInstanceHoldsItsReference() throws IOException {
    long instance = runScenario("evidence-ok", "sandbox-emr/login-page");
    await(() -> client.newProcessInstanceGetRequest(instance).send().join().getState()
        == ProcessInstanceState.COMPLETED, "the browser job completes");

    Map<?, ?> evidence = variable(instance, "browserEvidence", Map.class);
    List<?> screenshots = (List<?>) evidence.get("screenshots");
    assertThat(screenshots).singleElement().isInstanceOf(Map.class);
    Map<?, ?> screenshot = (Map<?, ?>) screenshots.get(0);
    assertThat(screenshot.get("contentType")).isEqualTo("image/png");
    assertThat(stored((String) screenshot.get("id"))).startsWith(PNG);
    String stepLog = new String(stored((String) ((Map<?, ?>) evidence.get("stepLog")).get("id")),
        StandardCharsets.UTF_8);
    assertThat(stepLog).contains("\"sandbox-emr/login-page\"", "\"completed\"", "\"screenshot\"");
    assertThat(data.resolve("evidence")).as("nothing went to the file-system evidence store").doesNotExist();
  }

  @Test
  void aFailedJobsIncidentNamesItsFailureScreenshotInTheDocumentStore() throws IOException {
    long instance = runScenario("evidence-fail", "sandbox-emr/missing-button");
    await(() -> !incidents(instance).isEmpty(), "the failed browser job raises an incident");

    String message = incidents(instance).get(0).getErrorMessage();
    assertThat(message).contains("#no-such-button");
    Matcher reference = Pattern.compile("document:([0-9a-f-]{36})/[^,）]*failure\\.png").matcher(message);
    assertThat(reference.find()).as("the incident names the failure screenshot: %s", message).isTrue();
    assertThat(stored(reference.group(1))).startsWith(PNG);
  }

  private static long runScenario(String process, String scenario) {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(process).startEvent()
        .serviceTask("robot", t -> t.zeebeJobType("tsumugi.browser.run").zeebeJobRetries("1")
            .zeebeTaskHeader("scenario", scenario))
        .endEvent().done(), process + ".bpmn").send().join();
    return client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().send().join()
        .getProcessInstanceKey();
  }

  private static byte[] stored(String id) throws IOException {
    try (InputStream in = server.getBean(DocumentStore.class).open(id)) {
      return in.readAllBytes();
    }
  }

  private static <T> T variable(long instance, String name, Class<T> type) {
    String json = client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name(name))
        .send().join().items().get(0).getValue();
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, type);
    } catch (IOException e) {
      throw new AssertionError("variable " + name + " is not JSON: " + json, e);
    }
  }

  private static List<Incident> incidents(long instance) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance).state(IncidentState.ACTIVE))
        .send().join().items();
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
