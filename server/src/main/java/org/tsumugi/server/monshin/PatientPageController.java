package org.tsumugi.server.monshin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tsumugi.monshin.form.ItemProblem;
import org.tsumugi.monshin.submit.MonshinSubmission;
import org.tsumugi.monshin.submit.SubmissionResult;
import org.tsumugi.server.audit.AuditLog;

/**
 * The pages a patient sees: no login, only the link's token. Every refusal answers in the patient's
 * language and leaves the answers in the page, so nothing typed is lost; the intake starts once per
 * reception whatever the number of taps.
 */
@Controller
class PatientPageController {
  static final String RECEIVED = "/monshin/received";

  private static final Logger log = LoggerFactory.getLogger(PatientPageController.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  private final MonshinLinks links;
  private final DeployedQuestionnaire questionnaire;
  private final MonshinSubmission submission;
  private final SubmissionLimiter perAddress;
  private final SubmissionLimiter perLink;
  private final PatientPageSettings settings;
  private final AuditLog audit;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  PatientPageController(MonshinLinks links, DeployedQuestionnaire questionnaire, MonshinSubmission submission,
      PatientPageSettings settings, AuditLog audit, MessageSource messages, ObjectMapper json) {
    this.links = links;
    this.questionnaire = questionnaire;
    this.submission = submission;
    this.settings = settings;
    this.perAddress = new SubmissionLimiter(settings.perAddress(), settings.window().toMillis());
    this.perLink = new SubmissionLimiter(settings.perLink(), settings.window().toMillis());
    this.audit = audit;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/monshin/{token}")
  String questionnaire(@PathVariable String token, HttpSession session, HttpServletResponse response, Model model) {
    Optional<MonshinLink> link = links.byToken(token);
    MonshinLink.Refusal refusal = link.isEmpty() ? MonshinLink.Refusal.UNKNOWN : link.get().refusal(clock.millis());
    if (refusal != null) {
      response.setStatus(status(refusal).value());
      model.addAttribute("reason", refusal.name().toLowerCase(Locale.ROOT));
      return "monshin/refused";
    }
    Optional<DeployedQuestionnaire.Version> form = questionnaire.latest();
    if (form.isEmpty()) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("reason", "unavailable");
      return "monshin/refused";
    }
    if (link.get().kind() == MonshinLink.Kind.CLINIC) {
      // a fresh reception for each opening of a clinic link; kept in the session so that a second tap on
      // 送信 is the same reception and is refused as a duplicate instead of starting a second intake
      session.setAttribute(receptionAttribute(link.get()), newReceptionId());
    }
    model.addAttribute("schema", form.get().schema());
    model.addAttribute("action", "/monshin/" + token);
    return "monshin/patient";
  }

  @GetMapping("/monshin/received")
  String received() {
    return "monshin/received";
  }

  /** A fresh CSRF token for a page left open longer than its session: the patient keeps the answers. */
  @GetMapping(value = "/monshin/csrf", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, String> csrf(CsrfToken token) {
    return Map.of("token", token.getToken(), "header", token.getHeaderName());
  }

  @PostMapping(value = "/monshin/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> submit(@PathVariable String token, HttpServletRequest request,
      HttpSession session, Locale locale) throws IOException {
    long max = settings.maxBody().toBytes();
    if (request.getContentLengthLong() > max) {
      return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "monshin.tooLarge", locale);
    }
    long now = clock.millis();
    String address = request.getRemoteAddr();
    if (!perAddress.allow("address:" + address, now)) {
      return tooMany(perAddress, locale);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) max + 1); // a body sent without its length is cut off here, not read whole
    }
    if (body.length > max) {
      return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "monshin.tooLarge", locale);
    }
    Optional<MonshinLink> found = links.byToken(token);
    MonshinLink.Refusal refusal = found.isEmpty() ? MonshinLink.Refusal.UNKNOWN : found.get().refusal(now);
    if (refusal == MonshinLink.Refusal.USED) {
      // the visit's questionnaire is in; a second tap or a retry after a lost answer sees "received" again
      return ResponseEntity.ok(Map.of("next", RECEIVED));
    }
    if (refusal != null) {
      return refuse(status(refusal), "monshin.refused." + refusal.name().toLowerCase(Locale.ROOT), locale);
    }
    MonshinLink link = found.get();
    if (!perLink.allow("link:" + link.id(), now)) {
      return tooMany(perLink, locale);
    }
    Map<String, Object> answers;
    try {
      answers = json.readValue(body, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    } catch (JsonProcessingException | RuntimeException e) {
      return refuse(HttpStatus.BAD_REQUEST, "monshin.unreadable", locale);
    }
    if (answers == null) {
      return refuse(HttpStatus.BAD_REQUEST, "monshin.unreadable", locale);
    }
    String receptionId = receptionId(link, session);
    SubmissionResult result;
    try {
      result = submission.submit(receptionId, answers);
    } catch (RuntimeException e) {
      // the engine is down or the questionnaire is gone: the patient keeps the page and tries again later
      log.warn("a 問診 submission on link {} could not be handed to the engine: {}", link.id(), e.toString());
      return refuse(HttpStatus.SERVICE_UNAVAILABLE, "monshin.unavailable", locale);
    }
    if (result instanceof SubmissionResult.Rejected rejected) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("message", messages.getMessage("monshin.fix", null, locale));
      answer.put("problems", rejected.problems().stream().map(PatientPageController::problem).toList());
      return ResponseEntity.unprocessableEntity().body(answer);
    }
    boolean fresh = result instanceof SubmissionResult.Accepted;
    if (fresh) {
      links.submitted(link.id(), now);
    }
    audit.record("patient", fresh ? "MONSHIN_SUBMITTED" : "MONSHIN_RESUBMITTED",
        "monshin-link:" + link.id() + " reception:" + receptionId, "SUCCESS", address);
    return ResponseEntity.ok(Map.of("next", RECEIVED));
  }

  private String receptionId(MonshinLink link, HttpSession session) {
    if (link.kind() == MonshinLink.Kind.VISIT) {
      return link.receptionId();
    }
    Object kept = session.getAttribute(receptionAttribute(link));
    if (kept instanceof String id) {
      return id;
    }
    String id = newReceptionId();
    session.setAttribute(receptionAttribute(link), id);
    return id;
  }

  /** W (web), the day, and eight characters nobody confuses when read out at the desk. */
  private String newReceptionId() {
    StringBuilder id = new StringBuilder("W").append(LocalDate.now(clock.withZone(ZoneId.systemDefault())).format(DAY))
        .append('-');
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  private static String receptionAttribute(MonshinLink link) {
    return "monshin.reception." + link.id();
  }

  private static Map<String, String> problem(ItemProblem p) {
    return Map.of("item", p.item(), "label", p.label(), "message", p.message());
  }

  private static HttpStatus status(MonshinLink.Refusal refusal) {
    return switch (refusal) {
      case UNKNOWN -> HttpStatus.NOT_FOUND;
      case USED -> HttpStatus.CONFLICT;
      case EXPIRED, REVOKED -> HttpStatus.GONE;
    };
  }

  private ResponseEntity<Map<String, Object>> tooMany(SubmissionLimiter limiter, Locale locale) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", String.valueOf(limiter.windowSeconds()))
        .body(Map.of("message", messages.getMessage("monshin.tooMany", null, locale)));
  }

  private ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String key, Locale locale) {
    return ResponseEntity.status(status).body(Map.of("message", messages.getMessage(key, null, locale)));
  }
}
