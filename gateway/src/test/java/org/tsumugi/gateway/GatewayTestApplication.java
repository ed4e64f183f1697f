package org.tsumugi.gateway;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The engine with its gateway, and the users the gateway's specs call as. The Tsumugi server checks real
 * users (its GatewayCallerCheck, specified in the server module); here fixed ones are enough to specify
 * what the gateway does with the roles it is told.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GatewayTestApplication {
  static final String PASSWORD = "a-test-password";
  static final String NEEDS_CREDENTIALS = "a known user's name and password, please";
  static final Map<String, Set<String>> USERS = Map.of("owner", Set.of("PROCESS_OWNER"), "robot", Set.of("ROBOT"),
      "nurse", Set.of("NURSE"));

  @Bean
  GatewayCallers callers() {
    return (username, password, address) -> {
      if (username == null || !USERS.containsKey(username) || !PASSWORD.equals(password)) {
        throw CallerRefused.unauthenticated(NEEDS_CREDENTIALS);
      }
      return USERS.get(username);
    };
  }
}
