package org.tsumugi.server.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The robots that run inside this server call its own /v2 API, which takes HTTP Basic like any client. They use a
 * technical account whose password is drawn anew at every start and exists only in this process's memory (see
 * {@code RobotClientDefaults}): nobody can read it off a file, and a restart retires the previous one. Set up
 * before the job workers start polling, so their first request is already accepted.
 */
class InProcessRobotAccount implements SmartInitializingSingleton {
  static final String USERNAME = "tsumugi-robots";
  static final String PASSWORD_PROPERTY = "tsumugi.robots.internal-password";

  private final UserRepository users;
  private final UserService service;
  private final PasswordEncoder encoder;
  private final String password;

  InProcessRobotAccount(UserRepository users, UserService service,
      PasswordEncoder encoder, String password) {
    this.users = users;
    this.service = service;
    this.encoder = encoder;
    this.password = password;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (password == null || password.isBlank()) {
      return; // robots call a remote engine, or were given an account of their own
    }
    if (users.find(USERNAME).isEmpty()) {
      service.create(Actor.system(), USERNAME, "Tsumugi robots (this server)", null, password, EnumSet.of(Role.ROBOT),
          Set.of());
      return;
    }
    users.setPassword(USERNAME, encoder.encode(password), false);
    users.updateRolesAndGroups(USERNAME, EnumSet.of(Role.ROBOT), Set.of());
    users.setActive(USERNAME, true);
  }
}
