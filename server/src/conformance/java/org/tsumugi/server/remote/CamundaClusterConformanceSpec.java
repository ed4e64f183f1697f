package org.tsumugi.server.remote;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The conformance workflow against Camunda's own camunda/camunda image as the target cluster: what a
 * remote-mode Tsumugi server does on its embedded engine ({@link EmbeddedEngineConformanceSpec}) must work
 * the same on Camunda 8.8, so a hospital group can move to a cluster. Only in the Maven profile
 * {@code conformance}; skipped, with the reason printed, where Docker is not available.
 */
class CamundaClusterConformanceSpec extends NightlyClaimCheckConformance {

  static final String IMAGE = System.getProperty("camunda.image", "camunda/camunda:8.8.3");

  @Override
  Target startTarget(Path data) {
    boolean docker = DockerClientFactory.instance().isDockerAvailable();
    String skipped = "Docker is not available here: the conformance workflow against " + IMAGE + " is skipped";
    if (!docker) {
      // Maven's console shows only "Skipped: 1"; say why where the person running it looks
      System.err.println("CONFORMANCE SKIPPED: " + skipped);
    }
    assumeTrue(docker, skipped);
    GenericContainer<?> camunda = new GenericContainer<>(IMAGE).withExposedPorts(8080)
        // the lightest set-up: H2 secondary storage, an unprotected API
        .withEnv("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "rdbms")
        .withEnv("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "true")
        .waitingFor(Wait.forHttp("/v2/topology").forPort(8080).forStatusCode(200))
        .withStartupTimeout(Duration.ofMinutes(5));
    camunda.start();
    return new Target("http://" + camunda.getHost() + ":" + camunda.getMappedPort(8080),
        List.of("--camunda.client.auth.method=none"), camunda::stop);
  }
}
