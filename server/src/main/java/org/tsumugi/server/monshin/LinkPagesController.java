package org.tsumugi.server.monshin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.security.QrCode;

/**
 * Staff issue and revoke the patients' links. The token is shown once, on the page answering the issue
 * (as a URL and a QR code to print or show at the desk), and never stored: a lost link is revoked and
 * issued again.
 */
@Controller
@RequestMapping("/monshin-links")
class LinkPagesController {
  private static final Pattern RECEPTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final int MAX_DAYS = 365;

  private final MonshinLinks links;
  private final PatientPageSettings settings;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Clock clock = Clock.systemUTC();

  LinkPagesController(MonshinLinks links, PatientPageSettings settings, AuditLog audit, MessageSource messages) {
    this.links = links;
    this.settings = settings;
    this.audit = audit;
    this.messages = messages;
  }

  @GetMapping
  String list(Authentication user, HttpServletRequest request, Model model) {
    audit.record(user.getName(), "MONSHIN_LINKS_VIEWED", "monshin-links", "SUCCESS", request.getRemoteAddr());
    model.addAttribute("links", links.recent(200));
    model.addAttribute("now", clock.millis());
    return "monshin/links";
  }

  @PostMapping
  String issue(@RequestParam String kind, @RequestParam(required = false) String receptionId,
      @RequestParam(required = false) String label, @RequestParam(defaultValue = "1") int validDays,
      Authentication user, HttpServletRequest request, Model model, RedirectAttributes redirect, Locale locale) {
    MonshinLink.Kind type;
    try {
      type = MonshinLink.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      return back(redirect, "monshin.links.badKind", locale);
    }
    String reception = receptionId == null ? "" : receptionId.strip();
    if (type == MonshinLink.Kind.VISIT && !RECEPTION_ID.matcher(reception).matches()) {
      return back(redirect, "monshin.links.badReception", locale);
    }
    if (validDays < 1 || validDays > MAX_DAYS) {
      return back(redirect, "monshin.links.badDays", locale);
    }
    String note = label == null || label.isBlank() ? null : label.strip();
    if (note != null && note.length() > 100) {
      return back(redirect, "monshin.links.badLabel", locale);
    }
    long now = clock.millis();
    MonshinLinks.Issued issued = links.issue(type, type == MonshinLink.Kind.VISIT ? reception : null, note,
        user.getName(), now, now + Duration.ofDays(validDays).toMillis());
    audit.record(user.getName(), "MONSHIN_LINK_ISSUED", "monshin-link:" + issued.link().id() + " " + type,
        "SUCCESS", request.getRemoteAddr());
    String url = base() + "/monshin/" + issued.token();
    model.addAttribute("link", issued.link());
    model.addAttribute("url", url);
    model.addAttribute("qr", QrCode.svg(url));
    return "monshin/issued";
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable long id, Authentication user, HttpServletRequest request, RedirectAttributes redirect,
      Locale locale) {
    boolean revoked = links.revoke(id, user.getName(), clock.millis());
    audit.record(user.getName(), "MONSHIN_LINK_REVOKED", "monshin-link:" + id, revoked ? "SUCCESS" : "FAILURE",
        request.getRemoteAddr());
    redirect.addFlashAttribute(revoked ? "info" : "error",
        messages.getMessage(revoked ? "monshin.links.revoked" : "monshin.links.notRevoked", null, locale));
    return "redirect:/monshin-links";
  }

  private String base() {
    String configured = settings.publicUrl();
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  private String back(RedirectAttributes redirect, String key, Locale locale) {
    redirect.addFlashAttribute("error", messages.getMessage(key, null, locale));
    return "redirect:/monshin-links";
  }
}
