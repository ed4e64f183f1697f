package org.tsumugi.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The same Modeler-side steps as {@link DeployFromModelerSpec}, against Camunda's own camunda/camunda
 * image instead of Tsumugi: what passes on Tsumugi must pass on Camunda 8.8, so a hospital can move
 * its models to a cluster. Only in the Maven profile {@code conformance}; skipped without Docker.
 */
class CamundaConformanceSpec {

  static final String IMAGE = System.getProperty("camunda.image", "camunda/camunda:8.8.3");

  @Test
  void camundaAcceptsTheModelsAndStartsAnInstanceAsTsumugiDoes() throws Exception {
    boolean docker = DockerClientFactory.instance().isDockerAvailable();
    String skipped = "Docker is not available here: the conformance suite against " + IMAGE + " is skipped";
    if (!docker) {
      // Maven's console shows only "Skipped: 1"; say why where the person running it looks
      System.err.println("CONFORMANCE SKIPPED: " + skipped);
    }
    assumeTrue(docker, skipped);
    try (GenericContainer<?> camunda = new GenericContainer<>(IMAGE).withExposedPorts(8080)
        // the lightest set-up: H2 secondary storage, an unprotected API
        .withEnv("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "rdbms")
        .withEnv("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "true")
        .waitingFor(Wait.forHttp("/v2/topology").forPort(8080).forStatusCode(200))
        .withStartupTimeout(Duration.ofMinutes(5))) {
      camunda.start();
      List<Path> arguments = new ArrayList<>(List.of(Path.of("--start"), Path.of("modeler-hello")));
      arguments.addAll(NodeScript.filesIn("bpmn", ".bpmn"));
      arguments.addAll(NodeScript.filesIn("bpmn", ".dmn"));
      arguments.addAll(NodeScript.filesIn("forms", ".form"));
      arguments.add(NodeScript.MODULE.resolve("src/test/resources/modeler/modeler-hello.bpmn"));

      JsonNode result = NodeScript.run("deploy-with-sdk.mjs", arguments, Map.of(
          "ZEEBE_REST_ADDRESS", "http://" + camunda.getHost() + ":" + camunda.getMappedPort(8080),
          "CAMUNDA_AUTH_STRATEGY", "NONE", "CAMUNDA_LOG_LEVEL", "error"), Duration.ofMinutes(3));

      assertThat(result.path("errors")).as("steps Camunda refused").isEmpty();
      assertThat(result.path("instances").get(0).path("processInstanceKey").asText()).matches("\\d+");
    }
  }
}
