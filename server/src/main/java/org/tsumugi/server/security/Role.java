package org.tsumugi.server.security;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do in Tsumugi; groups (BPMN candidate groups) say which tasks they see. */
public enum Role {
  ADMIN,
  PROCESS_OWNER,
  CLERK,
  NURSE,
  DOCTOR,
  /** A job worker or API client, not a person: HTTP Basic on the engine API only, no second factor. */
  ROBOT;

  public static final Set<Role> PERSONS = EnumSet.of(ADMIN, PROCESS_OWNER, CLERK, NURSE, DOCTOR);

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isPerson() {
    return this != ROBOT;
  }
}
