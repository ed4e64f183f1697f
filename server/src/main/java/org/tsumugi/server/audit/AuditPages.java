package org.tsumugi.server.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** Administrators search the audit log and check that its chain is intact, as a page and as JSON. */
@Controller
class AuditPages {
  /** Dates on the page are the hospital's days, in Japan's time. */
  private static final ZoneId HOSPITAL = ZoneId.of("Asia/Tokyo");
  private final AuditLog audit;

  AuditPages(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) String target, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean verify, Model model) {
    model.addAttribute("entries", audit.search(query(actor, action, target, from, to, 200)));
    model.addAttribute("verification", verify ? audit.verify() : null);
    model.addAttribute("zone", HOSPITAL);
    return "admin/audit";
  }

  @GetMapping("/admin/api/audit")
  @ResponseBody
  List<AuditEntry> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) String target, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "100") int limit) {
    return audit.search(query(actor, action, target, from, to, limit));
  }

  @GetMapping("/admin/api/audit/verify")
  @ResponseBody
  ChainVerification verify() {
    return audit.verify();
  }

  /** from and to: an ISO instant (2026-04-01T00:00:00Z) or a day (2026-04-01, Japan time; to is inclusive). */
  private static AuditQuery query(String actor, String action, String target, String from, String to, int limit) {
    return new AuditQuery(actor, action, target, instant(from, false), instant(to, true), limit);
  }

  private static Instant instant(String text, boolean endOfDay) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(HOSPITAL).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "from and to take a day (2026-04-01) or an instant (2026-04-01T00:00:00Z), not " + text);
    }
  }
}
