package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.tsumugi.engine.EngineTest;

/** The engine presents itself to clients as a healthy one-broker, one-partition cluster. */
class TopologySpec extends EngineTest {

  @Value("${local.server.port}")
  int port;

  @Test
  void theTopologyShowsOneHealthyLeaderPartition() {
    var topology = client.newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getBrokers()).singleElement().satisfies(broker -> {
      assertThat(broker.getPort()).isEqualTo(port);
      assertThat(broker.getPartitions()).singleElement().satisfies(partition -> {
        assertThat(partition.getPartitionId()).isEqualTo(1);
        assertThat(partition.isLeader()).isTrue();
      });
    });
  }

  @Test
  void theStatusEndpointAnswersNoContentWhenUp() throws Exception {
    HttpResponse<Void> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/status")).GET().build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(204);
  }
}
