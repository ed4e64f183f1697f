package org.tsumugi.server.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.oauth.OAuthCredentialsProvider;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.engine.Deployer;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.server.TsumugiApplication;

/**
 * One setting, {@code tsumugi.mode=remote}, starts the server without its embedded engine and with a
 * Camunda client pointed at the configured cluster. A stand-in cluster records what reaches it.
 */
class RemoteModeTest {

  @Test
  void startsWithoutTheEngineAndTalksToTheConfiguredCluster(@TempDir Path data) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer cluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cluster.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
          + exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = ("{\"brokers\":[],\"clusterSize\":3,\"partitionsCount\":3,\"replicationFactor\":3,"
          + "\"gatewayVersion\":\"8.8.3\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    cluster.start();
    try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TsumugiApplication.class).run(
        "--server.port=0", "--tsumugi.mode=remote",
        "--camunda.client.rest-address=http://127.0.0.1:" + cluster.getAddress().getPort(),
        "--camunda.client.auth.username=tsumugi", "--camunda.client.auth.password=cluster-secret",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";WRITE_DELAY=0",
        "--tsumugi.security.initial-admin-password=remote-mode-admin-password")) {

      assertThat(server.getBeanNamesForType(CommandProcessor.class)).as("the embedded engine").isEmpty();
      assertThat(server.getBeanNamesForType(Deployer.class)).isEmpty();
      assertThat(server.getBeanNamesForType(CamundaClient.class)).as("the robots' and the pages' one client")
          .hasSize(1);
      CamundaClient client = server.getBean(CamundaClient.class);
      assertThat(client.newTopologyRequest().send().join().getClusterSize()).isEqualTo(3);
      assertThat(seen).as("the client, and the robots polling for jobs, call the cluster with its credentials")
          .anySatisfy(call -> assertThat(call).startsWith("GET /v2/topology Basic "))
          .allSatisfy(call -> assertThat(call).contains(" Basic "));

      int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
      HttpResponse<String> ownApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/v2/topology")).header("Authorization", "Basic "
          + java.util.Base64.getEncoder().encodeToString("admin:remote-mode-admin-password".getBytes()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ownApi.statusCode()).as("no embedded /v2 API in remote mode").isEqualTo(404);
    } finally {
      cluster.stop(0);
    }
  }

  @Test
  void aSaasClusterNeedsOnlyItsIdRegionAndClientCredentials(@TempDir Path data) {
    try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TsumugiApplication.class).run(
        "--server.port=0", "--tsumugi.mode=remote", "--tsumugi.robots.enabled=false",
        "--camunda.client.cloud.cluster-id=c0ffee", "--camunda.client.cloud.region=syd-1",
        "--camunda.client.auth.client-id=tsumugi", "--camunda.client.auth.client-secret=saas-secret",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db"),
        "--tsumugi.security.initial-admin-password=remote-mode-admin-password")) {
      CamundaClient client = server.getBean(CamundaClient.class);
      assertThat(client.getConfiguration().getRestAddress())
          .hasToString("https://syd-1.zeebe.camunda.io:443/c0ffee");
      assertThat(client.getConfiguration().getGrpcAddress()).hasToString("https://c0ffee.syd-1.zeebe.camunda.io:443");
      assertThat(client.getConfiguration().getCredentialsProvider()).isInstanceOf(OAuthCredentialsProvider.class);
      assertThat(server.getEnvironment().getProperty("camunda.client.auth.token-url"))
          .isEqualTo("https://login.cloud.camunda.io/oauth/token");
      assertThat(server.getEnvironment().getProperty("camunda.client.auth.audience")).isEqualTo("zeebe.camunda.io");
    }
  }

  @Test
  void refusesToStartInRemoteModeWithoutAClusterAddress(@TempDir Path data) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(TsumugiApplication.class).run("--server.port=0",
        "--tsumugi.mode=remote", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db"),
        "--tsumugi.security.initial-admin-password=remote-mode-admin-password").close())
        .hasStackTraceContaining("camunda.client.rest-address");
  }

  @Test
  void refusesAnUnknownMode() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(TsumugiApplication.class).run("--server.port=0",
        "--tsumugi.mode=cluster").close()).hasStackTraceContaining("tsumugi.mode is 'cluster'");
  }
}
