package org.tsumugi.server.web;

import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.tsumugi.server.security.Role;
import org.tsumugi.server.security.TestAccounts;
import org.tsumugi.server.security.UserRepository;
import org.tsumugi.server.security.UserService;

/** One person per role, with BPMN candidate groups, created through the real user service before the specs run. */
@TestConfiguration
public class TestUsers {
  public static final String PASSWORD = "test-password-for-the-pages";

  @Bean
  SmartInitializingSingleton testUsers(UserService users, UserRepository repository) {
    return () -> {
      TestAccounts.person(users, repository, "clerk", PASSWORD, Role.CLERK, Set.of("clerks", "claims-clerks"));
      TestAccounts.person(users, repository, "clerk2", PASSWORD, Role.CLERK, Set.of("clerks"));
      TestAccounts.person(users, repository, "lead", PASSWORD, Role.CLERK, Set.of("claims-lead"));
      TestAccounts.person(users, repository, "nurse", PASSWORD, Role.NURSE, Set.of("nurses"));
      TestAccounts.person(users, repository, "doctor", PASSWORD, Role.DOCTOR, Set.of("doctors"));
      TestAccounts.person(users, repository, "owner", PASSWORD, Role.PROCESS_OWNER, Set.of());
      TestAccounts.person(users, repository, "admin", PASSWORD, Role.ADMIN, Set.of());
    };
  }
}
