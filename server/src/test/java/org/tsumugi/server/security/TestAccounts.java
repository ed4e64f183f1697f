package org.tsumugi.server.security;

import java.util.Set;

/** Creates people ready to log in with their password alone (no forced change); for specs of other packages. */
public final class TestAccounts {
  private TestAccounts() {}

  public static void person(UserService users, UserRepository repository, String name, String password, Role role,
      Set<String> groups) {
    users.create(Actor.system(), name, "Test " + name, null, password, Set.of(role), groups);
    repository.clearMustChangePassword(name);
  }
}
