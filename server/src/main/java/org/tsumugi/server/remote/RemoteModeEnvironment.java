package org.tsumugi.server.remote;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With {@code tsumugi.mode=remote}, leaves the embedded engine out: its auto-configuration (and with it
 * the command processor and the /v2 controllers) is excluded before the context is built, so a cluster
 * elsewhere is the only engine. Runs before auto-configuration, hence an environment post-processor.
 */
public class RemoteModeEnvironment implements EnvironmentPostProcessor {

  static final String ENGINE_AUTO_CONFIGURATION = "org.tsumugi.engine.EngineAutoConfiguration";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String mode = environment.getProperty("tsumugi.mode", "embedded");
    if (!mode.equals("embedded") && !mode.equals("remote")) {
      throw new IllegalStateException("tsumugi.mode is '" + mode + "': use 'embedded' (default) or 'remote'");
    }
    if (mode.equals("remote")) {
      Set<String> excluded = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(
          environment.getProperty("spring.autoconfigure.exclude", "")));
      excluded.add(ENGINE_AUTO_CONFIGURATION);
      environment.getPropertySources().addFirst(new MapPropertySource("tsumugiRemoteMode",
          Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
    }
  }
}
