package org.tsumugi.server.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Stands in for the real login's users until the security work is merged: one person per role, with
 * the BPMN candidate groups as {@code GROUP_} authorities.
 */
@TestConfiguration
public class TestUsers {
  public static final String PASSWORD = "test-password";

  @Bean
  UserDetailsService testUsers() {
    return new InMemoryUserDetailsManager(
        user("clerk", "ROLE_CLERK", "GROUP_clerks"),
        user("clerk2", "ROLE_CLERK", "GROUP_clerks"),
        user("nurse", "ROLE_NURSE", "GROUP_nurses"),
        user("doctor", "ROLE_DOCTOR", "GROUP_doctors"),
        user("owner", "ROLE_PROCESS_OWNER"),
        user("admin", "ROLE_ADMIN"),
        // signed in but holding no role: refused everywhere
        User.withUsername("visitor").password("{noop}" + PASSWORD).authorities(new String[0]).build());
  }

  private static org.springframework.security.core.userdetails.UserDetails user(String name, String... authorities) {
    return User.withUsername(name).password("{noop}" + PASSWORD).authorities(authorities).build();
  }
}
