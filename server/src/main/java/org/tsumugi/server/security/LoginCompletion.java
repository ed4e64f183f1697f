package org.tsumugi.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.tsumugi.server.audit.AuditLog;

/**
 * Puts a session into a state of the login: waiting for the second factor, logged in, or ended.
 * Every way in (password, password and TOTP, OIDC) ends here, so each is audited alike.
 */
class LoginCompletion {
  static final String LOGGED_OUT = "tsumugi.loggedOut";
  static final String REMOTE_ADDRESS = "tsumugi.remoteAddress";
  private final SecurityContextRepository contexts;
  private final AuditLog audit;
  private final RequestCache requests = new HttpSessionRequestCache();

  LoginCompletion(SecurityContextRepository contexts, AuditLog audit) {
    this.contexts = contexts;
    this.audit = audit;
  }

  void awaitSecondFactor(HttpServletRequest request, HttpServletResponse response, UserAccount user)
      throws IOException {
    store(request, response, new SecondFactorPending(user.username()));
    response.sendRedirect(request.getContextPath() + (user.totpEnrolled() ? "/login/totp" : "/login/totp/setup"));
  }

  void complete(HttpServletRequest request, HttpServletResponse response, UserAccount user, String method)
      throws IOException {
    // a new session id once fully logged in: an id seen before the second factor is worth nothing
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    store(request, response, UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
        UserDetailsLookup.authorities(user)));
    request.getSession().setAttribute(REMOTE_ADDRESS, request.getRemoteAddr());
    audit.record(user.username(), "LOGIN", method, "SUCCESS", request.getRemoteAddr());
    SavedRequest saved = requests.getRequest(request, response);
    requests.removeRequest(request, response);
    response.sendRedirect(saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/");
  }

  /** Ends the session of a user who may no longer be here (deactivated, locked); audited as the reason. */
  void end(HttpServletRequest request, String username, String reason) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(LOGGED_OUT, Boolean.TRUE);
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    audit.record(username, "SESSION_ENDED", reason, "SUCCESS", request.getRemoteAddr());
  }

  void store(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
