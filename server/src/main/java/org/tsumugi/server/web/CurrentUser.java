package org.tsumugi.server.web;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.tsumugi.engine.processing.ActingUser;

/**
 * The signed-in person as the pages see them, read from Spring Security: the user id is the
 * authentication's name, roles are the {@code ROLE_} authorities and groups (BPMN candidate groups)
 * the {@code GROUP_} authorities. The only place that knows how the login represents a person.
 */
public record CurrentUser(String id, Set<String> roles, Set<String> groups) {
  public static final String ADMIN = "ADMIN";
  public static final String PROCESS_OWNER = "PROCESS_OWNER";
  public static final String CLERK = "CLERK";
  public static final String NURSE = "NURSE";
  public static final String DOCTOR = "DOCTOR";

  public static CurrentUser of(Authentication authentication) {
    Set<String> roles = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    for (GrantedAuthority granted : authentication.getAuthorities()) {
      String authority = granted.getAuthority();
      if (authority == null) {
        continue;
      }
      if (authority.startsWith("ROLE_")) {
        roles.add(authority.substring("ROLE_".length()));
      } else if (authority.startsWith("GROUP_")) {
        groups.add(authority.substring("GROUP_".length()));
      }
    }
    return new CurrentUser(authentication.getName(), Set.copyOf(roles), Set.copyOf(groups));
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** The engine refuses a claim or completion by someone who is neither assignee nor candidate. */
  public ActingUser acting() {
    return new ActingUser(id, groups);
  }
}
