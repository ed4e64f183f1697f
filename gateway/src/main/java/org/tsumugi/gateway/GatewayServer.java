package org.tsumugi.gateway;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gRPC listener: starts with the application and stops before the engine closes, letting calls in
 * flight finish for a few seconds.
 */
public final class GatewayServer implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
  /**
   * Camunda's clients ping every 45 s by default; a server that allows less often ends their
   * connections with "too many pings", so allow what a Zeebe gateway allows.
   */
  private static final long PERMIT_KEEP_ALIVE_SECONDS = 30;

  private final GatewaySettings settings;
  private final ExecutorService executor;
  private BindableService service;
  private BasicCredentials credentials;
  private volatile Server server;

  GatewayServer(GatewaySettings settings, ExecutorService executor) {
    this.settings = settings;
    this.executor = executor;
  }

  void serve(BindableService service, BasicCredentials credentials) {
    this.service = service;
    this.credentials = credentials;
  }

  /** The port bound, which differs from the one configured when that is 0. */
  public int port() {
    Server running = server;
    return running == null ? settings.port() : running.getPort();
  }

  @Override
  public void start() {
    Server built = NettyServerBuilder.forAddress(new InetSocketAddress(settings.address(), settings.port()))
        .executor(executor)
        .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, settings.maxMessageSize().toBytes()))
        .permitKeepAliveTime(PERMIT_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true)
        .addService(ServerInterceptors.intercept(service, credentials)).build();
    try {
      server = built.start();
    } catch (IOException e) {
      throw new IllegalStateException("the gRPC gateway cannot listen on " + settings.address() + ":"
          + settings.port() + " (tsumugi.engine.grpc.address, tsumugi.engine.grpc.port): " + e.getMessage(), e);
    }
    LOG.info("Zeebe gRPC gateway listening on {}:{}", settings.address(), server.getPort());
  }

  @Override
  public void stop() {
    Server running = server;
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    server = null;
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }
}
