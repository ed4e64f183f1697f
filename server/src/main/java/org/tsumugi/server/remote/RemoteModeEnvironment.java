package org.tsumugi.server.remote;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With {@code tsumugi.mode=remote}, leaves the embedded engine out: its auto-configuration (and with it
 * the command processor and the /v2 controllers) is excluded before the context is built, so a cluster
 * elsewhere is the only engine. The one Camunda client is then the Camunda starter's, built from the
 * {@code camunda.client.*} names (Basic or OIDC from the credentials given, SaaS from a cluster id).
 * Runs right after the configuration files are read and before the starter's own post-processor,
 * which would otherwise fill in its localhost defaults and hide a missing cluster address.
 */
public class RemoteModeEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String ENGINE_AUTO_CONFIGURATION = "org.tsumugi.engine.EngineAutoConfiguration";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String mode = environment.getProperty("tsumugi.mode", "embedded");
    if (!mode.equals("embedded") && !mode.equals("remote")) {
      throw new IllegalStateException("tsumugi.mode is '" + mode + "': use 'embedded' (default) or 'remote'");
    }
    if (!mode.equals("remote")) {
      return;
    }
    if (blank(environment, "camunda.client.rest-address") && blank(environment, "camunda.client.cloud.cluster-id")) {
      throw new IllegalStateException("tsumugi.mode=remote needs camunda.client.rest-address (Self-Managed)"
          + " or camunda.client.cloud.cluster-id and camunda.client.cloud.region (SaaS)");
    }
    Set<String> excluded = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(
        environment.getProperty("spring.autoconfigure.exclude", "")));
    excluded.add(ENGINE_AUTO_CONFIGURATION);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("spring.autoconfigure.exclude", String.join(",", excluded));
    if (blank(environment, "camunda.client.prefer-rest-over-grpc")) {
      // the inbox's searches exist only on REST; one transport for everything keeps one port to open
      values.put("camunda.client.prefer-rest-over-grpc", "true");
    }
    environment.getPropertySources().addFirst(new MapPropertySource("tsumugiRemoteMode", values));
  }

  private static boolean blank(ConfigurableEnvironment environment, String name) {
    return environment.getProperty(name, "").isBlank();
  }

  /** After the configuration files (Spring Boot's own post-processor), before everything left unordered. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }
}
