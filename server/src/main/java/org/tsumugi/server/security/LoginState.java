package org.tsumugi.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the user afresh on every request, so that what an administrator changes takes effect at the
 * next request of a running session: a deactivated or locked user is refused, changed roles apply,
 * and a one-time password must be changed before anything else.
 */
class LoginState extends OncePerRequestFilter {
  private static final List<String> ALWAYS_OPEN = List.of("/logout", "/css/", "/error", "/favicon.ico");
  private final UserRepository users;
  private final LoginCompletion logins;
  private final SecurityProblems problems;
  private final Clock clock;

  /** @param problems answers API clients; null for browser routes, which are redirected instead */
  LoginState(UserRepository users, LoginCompletion logins, SecurityProblems problems, Clock clock) {
    this.users = users;
    this.logins = logins;
    this.problems = problems;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UserAccount> found = users.find(auth.getName());
    boolean api = problems != null;
    if (found.isEmpty() || !found.get().active() || found.get().lockedAt(Instant.now(clock))) {
      if (api) {
        SecurityContextHolder.clearContext();
        problems.write(request, response, 401, "UNAUTHENTICATED", "the user is deactivated or locked");
      } else {
        logins.end(request, auth.getName(), "deactivated or locked");
        response.sendRedirect(request.getContextPath() + "/login?ended");
      }
      return;
    }
    UserAccount user = found.get();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (api) {
      if (user.mustChangePassword()) {
        problems.write(request, response, 403, "FORBIDDEN",
            "the user must change the one-time password in the browser first");
        return;
      }
    } else if (auth instanceof SecondFactorPending) {
      if (!open(path, "/login/totp")) {
        response.sendRedirect(request.getContextPath() + (user.totpEnrolled() ? "/login/totp" : "/login/totp/setup"));
        return;
      }
    } else if (user.mustChangePassword() && !open(path, "/account/password")) {
      response.sendRedirect(request.getContextPath() + "/account/password");
      return;
    } else if (!granted(auth).equals(new HashSet<>(UserDetailsLookup.authorities(user)))) {
      logins.store(request, response, new org.springframework.security.authentication
          .UsernamePasswordAuthenticationToken(user.username(), null, UserDetailsLookup.authorities(user)));
    }
    chain.doFilter(request, response);
  }

  private static boolean open(String path, String allowed) {
    return path.startsWith(allowed) || ALWAYS_OPEN.stream().anyMatch(path::startsWith);
  }

  private static Set<GrantedAuthority> granted(Authentication auth) {
    return new HashSet<>(auth.getAuthorities());
  }
}
