package org.tsumugi.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.tsumugi.engine.Deployer;
import org.tsumugi.engine.EngineAutoConfiguration;
import org.tsumugi.engine.api.EventPayloads;
import org.tsumugi.engine.processing.CommandProcessor;

/**
 * Serves the gateway beside the embedded engine when {@code tsumugi.engine.grpc.enabled=true}. There is no
 * gateway without an engine (remote mode), and none without a check of the callers' credentials: the
 * gateway refuses to start rather than open a door without a lock.
 */
@AutoConfiguration(after = EngineAutoConfiguration.class)
@ConditionalOnProperty(name = "tsumugi.engine.grpc.enabled", havingValue = "true")
@ConditionalOnBean(CommandProcessor.class)
@EnableConfigurationProperties(GatewaySettings.class)
public class GatewayAutoConfiguration {

  @Bean
  GatewayServer gatewayServer(GatewaySettings settings, CommandProcessor engine, Deployer deployer,
      EventPayloads payloads, ObjectMapper json, ObjectProvider<GatewayCallers> callers) {
    GatewayCallers check = callers.getIfUnique(() -> {
      throw new IllegalStateException("tsumugi.engine.grpc.enabled is true, but nothing checks the callers'"
          + " credentials: the gateway runs only in an application that provides a GatewayCallers (the Tsumugi"
          + " server checks them against its users)");
    });
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    GatewayServer server = new GatewayServer(settings, executor);
    server.serve(new GatewayService(engine, deployer, payloads, new JsonDocuments(json), new Answers(executor),
        settings.address(), server::port), new BasicCredentials(check));
    return server;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "grpc-gateway-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
