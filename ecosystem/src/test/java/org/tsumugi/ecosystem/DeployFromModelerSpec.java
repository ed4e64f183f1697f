package org.tsumugi.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camunda Modeler deploys to Tsumugi as to a self-managed Camunda 8 cluster: with the client Modeler
 * itself uses (@camunda8/sdk's REST client, HTTP Basic, a process owner's account that an administrator
 * made) against the packaged server, it probes the
 * topology, deploys every model and form in the repository and starts an instance. Older Modelers and
 * zbctl do the same over the gRPC gateway (the SDK's Zeebe gRPC client).
 */
class DeployFromModelerSpec {

  @TempDir
  static Path home;
  static PackagedServer server;
  /** Modeler's account: a process owner, as docs/modeler.md tells administrators to create it. */
  static final String OWNER = "modeler";
  static String ownerPassword;

  @BeforeAll
  static void startServer() throws Exception {
    server = PackagedServer.start(home);
    String oneTime = ServerSession.login(server.restAddress(), PackagedServer.ADMIN, server.password)
        .createUser(OWNER, "PROCESS_OWNER");
    ownerPassword = "owner-" + java.util.UUID.randomUUID();
    ServerSession.login(server.restAddress(), OWNER, oneTime).changePassword(oneTime, ownerPassword);
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void deploysEveryModelAndFormAndStartsAnInstanceWithModelersClient() throws Exception {
    List<Path> files = new ArrayList<>(NodeScript.filesIn("bpmn", ".bpmn"));
    files.addAll(NodeScript.filesIn("bpmn", ".dmn"));
    files.addAll(NodeScript.filesIn("forms", ".form"));
    // the repository's processes start by timer or message; Modeler's "start instance" needs a none start
    files.add(NodeScript.MODULE.resolve("src/test/resources/modeler/modeler-hello.bpmn"));
    List<Path> arguments = new ArrayList<>(List.of(Path.of("--start"), Path.of("modeler-hello")));
    arguments.addAll(files);

    JsonNode result = sdk(arguments, OWNER, ownerPassword);

    assertThat(result.path("errors")).as("steps the SDK failed").isEmpty();
    assertThat(result.path("topology").path("gatewayVersion").asText())
        .as("Modeler reads the version to choose its lint rules").startsWith("8.8");
    assertThat(result.path("topology").path("brokers")).isNotEmpty();
    Set<String> deployed = new TreeSet<>();
    JsonNode deployment = result.path("deployment");
    deployment.path("processes").forEach(p -> deployed.add(p.path("processDefinitionId").asText()));
    deployment.path("decisions").forEach(d -> deployed.add(d.path("decisionDefinitionId").asText()));
    deployment.path("forms").forEach(f -> deployed.add(f.path("formId").asText()));
    assertThat(deployed).contains("claim-check-nightly", "claim-review", "modeler-hello");
    assertThat(deployment.path("processes").size() + deployment.path("decisions").size()
        + deployment.path("forms").size()).as("a resource for each file at least").isGreaterThanOrEqualTo(files.size());
    assertThat(result.path("instances").get(0).path("processInstanceKey").asText()).matches("\\d+");
    // Japanese names must arrive as Modeler shows them, not re-encoded on the way
    assertThat(server.post("/v2/process-definitions/search",
        "{\"filter\":{\"processDefinitionId\":\"claim-check-nightly\"}}").body()).contains("レセプト夜間点検");
  }

  @Test
  void refusesModelerWithUnknownCredentials() {
    JsonNode result = sdk(List.of(NodeScript.MODULE.resolve("src/test/resources/modeler/modeler-hello.bpmn")),
        "nobody", server.password);

    assertThat(result.path("topology").isNull()).isTrue();
    assertThat(result.path("errors").get(0).path("step").asText()).isEqualTo("topology");
    assertThat(result.path("errors").get(0).toString()).contains("401");
  }

  @Test
  void answersTheTopologyProbeOnlyWithCredentials() throws Exception {
    HttpResponse<String> anonymous = server.get("/v2/topology", false);
    HttpResponse<String> admin = server.get("/v2/topology", true);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
  }

  /** Modeler before 5.39, zbctl and gRPC workers: the SDK's Zeebe gRPC client on the server's gRPC gateway. */
  @Test
  void deploysStartsAndWorksAJobWithTheSdksGrpcClient() {
    JsonNode result = NodeScript.run("grpc-with-sdk.mjs", List.of(Path.of("tsumugi.ecosystem.hello"),
        NodeScript.MODULE.resolve("src/test/resources/modeler/modeler-hello.bpmn")), Map.of(
        "ZEEBE_GRPC_ADDRESS", "grpc://127.0.0.1:" + server.grpcPort,
        "CAMUNDA_AUTH_STRATEGY", "BASIC",
        "CAMUNDA_BASIC_AUTH_USERNAME", OWNER,
        "CAMUNDA_BASIC_AUTH_PASSWORD", ownerPassword,
        "CAMUNDA_TOKEN_DISK_CACHE_DISABLE", "true",
        "CAMUNDA_LOG_LEVEL", "error"), Duration.ofMinutes(2));

    assertThat(result.path("errors")).as("steps the SDK failed").isEmpty();
    assertThat(result.path("topology").path("brokers").get(0).path("port").asInt()).isEqualTo(server.grpcPort);
    assertThat(result.path("deployment").path("deployments").get(0).path("process").path("bpmnProcessId").asText())
        .isEqualTo("modeler-hello");
    assertThat(result.path("jobs")).singleElement().satisfies(job -> {
      assertThat(job.path("processInstanceKey").asText())
          .isEqualTo(result.path("instance").path("processInstanceKey").asText());
      assertThat(job.path("variables").path("patient").asText()).isEqualTo("山田太郎");
    });
    assertThat(result.path("completed").asBoolean()).isTrue();
  }

  private static JsonNode sdk(List<Path> arguments, String user, String password) {
    return NodeScript.run("deploy-with-sdk.mjs", arguments, Map.of(
        "ZEEBE_REST_ADDRESS", server.restAddress(),
        "CAMUNDA_AUTH_STRATEGY", "BASIC",
        "CAMUNDA_BASIC_AUTH_USERNAME", user,
        "CAMUNDA_BASIC_AUTH_PASSWORD", password,
        "CAMUNDA_TOKEN_DISK_CACHE_DISABLE", "true",
        "CAMUNDA_LOG_LEVEL", "error"), Duration.ofMinutes(2));
  }
}
