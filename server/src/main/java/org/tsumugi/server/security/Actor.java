package org.tsumugi.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Who made a request and from where, as the audit log records it. */
public record Actor(String name, String address) {

  public static Actor of(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    return new Actor(principal == null ? "anonymous" : principal.getName(), request.getRemoteAddr());
  }

  public static Actor system() {
    return new Actor("system", null);
  }
}
