package org.tsumugi.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tsumugi.server.audit.AuditLog;

/** The login form and the second step: an authenticator code, or enrolling the app on first use. */
@Controller
class LoginPages {
  private static final Logger LOG = LoggerFactory.getLogger(LoginPages.class);
  private static final String ENROLLING = "tsumugi.totpEnrolling";
  private final UserService service;
  private final UserRepository users;
  private final LoginCompletion logins;
  private final SecuritySettings settings;
  private final AuditLog audit;
  private final ObjectProvider<OidcSettings> oidc;

  LoginPages(UserService service, UserRepository users, LoginCompletion logins, SecuritySettings settings,
      AuditLog audit, ObjectProvider<OidcSettings> oidc) {
    this.service = service;
    this.users = users;
    this.logins = logins;
    this.settings = settings;
    this.audit = audit;
    this.oidc = oidc;
  }

  @GetMapping("/login")
  String login(Model model) {
    OidcSettings provider = oidc.getIfAvailable();
    model.addAttribute("oidcName", provider != null && provider.clientId() != null ? provider.name() : null);
    return "login";
  }

  @GetMapping("/login/totp")
  String totp(HttpServletRequest request) {
    return pending(request) == null ? "redirect:/" : "totp";
  }

  @PostMapping("/login/totp")
  String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
      HttpServletResponse response, Model model) throws IOException {
    UserAccount user = pending(request);
    if (user == null) {
      return "redirect:/";
    }
    boolean right;
    try {
      right = service.verifyTotp(user.username(), code);
    } catch (TotpSecrets.Unreadable e) {
      // the server's key, not the person, is wrong: no lock-out, and the administrator learns why
      LOG.error("Second factor of {} cannot be checked: {}", user.username(), e.getMessage());
      audit.record(user.username(), "LOGIN_FAILED", "totp-key", "FAILURE", request.getRemoteAddr());
      model.addAttribute("totpUnreadable", true);
      return "totp";
    }
    if (right) {
      logins.complete(request, response, user, "password+totp");
      return null;
    }
    return wrongCode(user, request, model, "totp");
  }

  @GetMapping("/login/totp/setup")
  String setup(HttpServletRequest request, Model model) {
    UserAccount user = pending(request);
    if (user == null) {
      return "redirect:/";
    }
    HttpSession session = request.getSession();
    if (session.getAttribute(ENROLLING) == null) {
      session.setAttribute(ENROLLING, Totp.newSecret());
    }
    String secret = (String) session.getAttribute(ENROLLING);
    String uri = Totp.uri(settings.totpIssuer(), user.username(), secret);
    model.addAttribute("qr", QrCode.svg(uri));
    model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
    model.addAttribute("uri", uri);
    return "totp-setup";
  }

  @PostMapping("/login/totp/setup")
  String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
      HttpServletResponse response, Model model) throws IOException {
    UserAccount user = pending(request);
    Object secret = request.getSession().getAttribute(ENROLLING);
    if (user == null || secret == null) {
      return "redirect:/";
    }
    if (service.enrolTotp(Actor.of(request), (String) secret, code)) {
      request.getSession().removeAttribute(ENROLLING);
      logins.complete(request, response, users.find(user.username()).orElseThrow(), "password+totp");
      return null;
    }
    model.addAttribute("wrongCode", true);
    return setup(request, model);
  }

  /** A wrong code counts towards the lock-out like a wrong password: six digits are few. */
  private String wrongCode(UserAccount user, HttpServletRequest request, Model model, String view) {
    users.recordFailure(user.username(), settings.maxFailures(), Instant.now().plus(settings.lockDuration()));
    audit.record(user.username(), "LOGIN_FAILED", "totp", "FAILURE", request.getRemoteAddr());
    if (users.find(user.username()).map(u -> u.lockedAt(Instant.now())).orElse(true)) {
      logins.end(request, user.username(), "locked");
      return "redirect:/login?locked";
    }
    model.addAttribute("wrongCode", true);
    return view;
  }

  private UserAccount pending(HttpServletRequest request) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth instanceof SecondFactorPending ? users.find(auth.getName()).orElse(null) : null;
  }
}
