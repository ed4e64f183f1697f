package org.tsumugi.server.security;

import java.time.Instant;
import java.util.Set;

/** A user as stored; the password hash and TOTP secret never leave the security package's services. */
public record UserAccount(String username, String displayName, String email, String passwordHash, boolean active,
    boolean mustChangePassword, String totpSecret, long totpLastStep, int failedAttempts, Instant lockedUntil,
    Set<Role> roles, Set<String> groups) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public boolean isPerson() {
    return roles.stream().anyMatch(Role::isPerson);
  }

  public boolean totpEnrolled() {
    return totpSecret != null;
  }
}
