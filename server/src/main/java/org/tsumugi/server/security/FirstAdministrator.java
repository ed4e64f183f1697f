package org.tsumugi.server.security;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On a first start (no user at all) creates the administrator "admin". Without a configured
 * password it gets a random one-time password, written once to the console and not to the log:
 * it is stored only as a hash and must be changed at first login.
 */
class FirstAdministrator implements ApplicationRunner {
  static final String USERNAME = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
  private final UserRepository users;
  private final UserService service;
  private final SecuritySettings settings;
  private final PrintStream console;

  FirstAdministrator(UserRepository users, UserService service, SecuritySettings settings, PrintStream console) {
    this.users = users;
    this.service = service;
    this.settings = settings;
    this.console = console;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.all().stream().anyMatch(user -> !user.username().equals(InProcessRobotAccount.USERNAME))) {
      return; // only the in-process robots' own account does not count as a first user
    }
    String configured = settings.initialAdminPassword();
    String password = configured != null ? configured : UserService.oneTimePassword();
    try {
      service.create(Actor.system(), USERNAME, "Administrator", null, password, EnumSet.of(Role.ADMIN), Set.of());
    } catch (UserChangeException weak) {
      throw new IllegalStateException("TSUMUGI_ADMIN_PASSWORD (tsumugi.security.initial-admin-password) cannot be "
          + "used: " + weak.getMessage(), weak);
    }
    if (configured != null) {
      // the operator chose it for an unattended install: no forced change
      service.passwordChosenByOperator(USERNAME);
      LOG.info("Created the first administrator '{}' with the configured password", USERNAME);
      return;
    }
    String line = "+" + "-".repeat(66) + "+";
    console.println();
    console.println(line);
    console.printf("| %-64s |%n", "Tsumugi: first start. An administrator account was created.");
    console.printf("| %-64s |%n", "");
    console.printf("| %-64s |%n", "  username:           " + USERNAME);
    console.printf("| %-64s |%n", "  one-time password:  " + password);
    console.printf("| %-64s |%n", "");
    console.printf("| %-64s |%n", "It is shown only this once. Log in and choose a new password;");
    console.printf("| %-64s |%n", "then set up an authenticator app (two-factor login).");
    console.println(line);
    console.println();
    console.flush();
    LOG.info("Created the first administrator '{}'; its one-time password was written to the console", USERNAME);
  }
}
