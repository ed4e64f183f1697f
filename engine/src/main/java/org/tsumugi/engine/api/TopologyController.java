package org.tsumugi.engine.api;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The embedded engine presents itself as a one-broker, one-partition cluster. */
@RestController
@RequestMapping("/v2")
class TopologyController {
  static final String VERSION = "8.8.0-tsumugi";

  private final String host;
  private final Environment environment;

  TopologyController(@Value("${server.address:localhost}") String host, Environment environment) {
    this.host = host;
    this.environment = environment;
  }

  @GetMapping("/topology")
  TopologyResponse topology() {
    Partition partition = new Partition().partitionId(1).role(Partition.RoleEnum.LEADER)
        .health(Partition.HealthEnum.HEALTHY);
    // the port actually bound, also when configured as 0 (any free port)
    int port = environment.getProperty("local.server.port", Integer.class,
        environment.getProperty("server.port", Integer.class, 8080));
    BrokerInfo broker = new BrokerInfo().nodeId(0).host(host).port(port).version(VERSION)
        .partitions(List.of(partition));
    return new TopologyResponse().brokers(List.of(broker)).clusterSize(1).partitionsCount(1).replicationFactor(1)
        .gatewayVersion(VERSION);
  }

  @GetMapping("/status")
  ResponseEntity<Void> status() {
    return ResponseEntity.noContent().build();
  }
}
