package org.tsumugi.server.remote;

import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.server.web.TestUsers;

/**
 * The conformance workflow against Tsumugi's own embedded engine as the target cluster: a second Tsumugi
 * server whose robots are off, so every job is the remote-mode server's, reached over its /v2 REST API with
 * Basic credentials. Runs in every test run; {@code CamundaClusterConformanceSpec} runs the same against
 * camunda/camunda in the Maven profile {@code conformance}.
 */
class EmbeddedEngineConformanceSpec extends NightlyClaimCheckConformance {

  @Override
  Target startTarget(Path data) {
    ConfigurableApplicationContext cluster = TestServers.start("cluster", data,
        "--tsumugi.robots.enabled=false", "--tsumugi.deploy.folders=");
    return new Target("http://127.0.0.1:" + TestServers.port(cluster), List.of("--camunda.client.auth.username=admin",
        "--camunda.client.auth.password=" + TestUsers.PASSWORD), cluster::close);
  }
}
