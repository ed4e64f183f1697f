package org.tsumugi.server.web;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tsumugi.server.TsumugiApplication;

/**
 * The base of the browser specs: the whole server on a random port with an in-memory database, the
 * test users, one Chromium per spec class and a Camunda client to set up and check the engine.
 */
@SpringBootTest(classes = TsumugiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:web;DB_CLOSE_DELAY=-1", "tsumugi.deploy.folders=",
        "server.address=127.0.0.1", "tsumugi.security.require-totp=false", "tsumugi.robots.enabled=false"})
@Import(TestUsers.class)
public abstract class WebSpec {
  private static Browser shared;

  @LocalServerPort
  protected int port;

  protected Browser browser;
  protected CamundaClient client;

  @BeforeEach
  void connect() {
    if (shared == null) {
      shared = new Browser("http://127.0.0.1:" + port);
    }
    browser = shared;
    client = CamundaClient.newClientBuilder().restAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(true).credentialsProvider(io.camunda.client.CredentialsProvider
            .newBasicAuthCredentialsProviderBuilder().username("admin").password(TestUsers.PASSWORD)
            .applyEnvironmentOverrides(false).build()).build();
  }

  @AfterEach
  void disconnect() {
    client.close();
    browser.logout();
  }

  @AfterAll
  static void closeBrowser() {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  protected void deploy(BpmnModelInstance model, String name) {
    client.newDeployResourceCommand().addProcessModel(model, name).send().join();
  }

  protected void deployForm(String name, String json) {
    client.newDeployResourceCommand().addResourceBytes(json.getBytes(StandardCharsets.UTF_8), name).send().join();
  }

  protected long start(String processId, java.util.Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables).send()
        .join().getProcessInstanceKey();
  }

  protected static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
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
