package org.tsumugi.engine.processing;

import java.util.Set;

/**
 * The person a user task command acts for, with their groups. Commands without one act as the
 * system, which may do anything; the tasklist's sign-in will supply one.
 */
public record ActingUser(String userId, Set<String> groups) {
  public ActingUser {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("an acting user needs a user id");
    }
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }
}
