package org.tsumugi.server.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tsumugi.engine.processing.EngineClock;
import org.tsumugi.server.web.CurrentUser;
import org.tsumugi.server.web.Json;

/** The dashboard: an index of workflows, one page of charts per workflow, its CSV and the minutes setting. */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true) // pages need the embedded engine
@Controller
@RequestMapping("/dashboard")
class DashboardController {
  /** The charts show this many days up to today unless another period is chosen. */
  static final int DAYS = 30;
  /** The periods offered; a year of daily buckets is still a readable chart. */
  static final int MAX_DAYS = 366;
  /** A task of more than a working day is surely a typing mistake. */
  private static final int MAX_MINUTES = 24 * 60;

  private final DashboardQueries queries;
  private final EngineClock clock;
  private final MessageSource messages;

  DashboardController(DashboardQueries queries, EngineClock clock, MessageSource messages) {
    this.queries = queries;
    this.clock = clock;
    this.messages = messages;
  }

  @GetMapping
  String index(Model model) {
    model.addAttribute("workflows", queries.workflows());
    return "dashboard/index";
  }

  @GetMapping("/{processId}")
  String workflow(@PathVariable String processId, @RequestParam(required = false) String days, Model model,
      Locale locale) {
    int period = period(days);
    if (period < 0) {
      model.addAttribute("error", messages.getMessage("dashboard.period.invalid",
          new Object[] {String.valueOf(MAX_DAYS)}, locale));
      period = DAYS;
    }
    Figures figures = queries.figures(processId, period, clock.millis());
    Map<String, Object> chartData = new LinkedHashMap<>();
    chartData.put("days", figures.days());
    chartData.put("started", figures.started());
    chartData.put("completed", figures.completed());
    chartData.put("jobsCompleted", figures.jobsCompleted());
    chartData.put("jobsFailed", figures.jobsFailed());
    chartData.put("incidents", figures.incidents());
    chartData.put("kpis", figures.kpis());
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : new String[] {"started", "completed", "jobsCompleted", "jobsFailed", "incidents"}) {
      labels.put(key, messages.getMessage("dashboard.series." + key, null, locale));
    }
    figures.kpis().forEach(k -> labels.put(k.key(), messages.getMessage("dashboard.kpi." + k.key(), null, locale)));
    model.addAttribute("figures", figures);
    model.addAttribute("period", period);
    model.addAttribute("name", queries.workflows().getOrDefault(processId, processId));
    model.addAttribute("chartData", Json.write(chartData));
    model.addAttribute("chartLabels", Json.write(labels));
    return "dashboard/workflow";
  }

  @GetMapping("/{processId}/csv")
  ResponseEntity<byte[]> csv(@PathVariable String processId, @RequestParam(required = false) String days,
      Locale locale) {
    int period = period(days);
    if (period < 0) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(messages.getMessage(
          "dashboard.period.invalid", new Object[] {String.valueOf(MAX_DAYS)}, locale).getBytes(StandardCharsets.UTF_8));
    }
    Figures figures = queries.figures(processId, period, clock.millis());
    // a byte order mark so that Excel, which Japanese offices open CSV with, reads UTF-8
    byte[] body = ("\uFEFF" + FiguresCsv.of(figures, key -> messages.getMessage(key, null, locale)))
        .getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(processId + "-dashboard.csv", StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  /** The days asked for, the default when none, or -1 when the value is not a period offered. */
  private static int period(String days) {
    if (days == null || days.isBlank()) {
      return DAYS;
    }
    try {
      int value = Integer.parseInt(days.trim());
      return value >= 1 && value <= MAX_DAYS ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @PostMapping("/{processId}/minutes")
  String setMinutes(@PathVariable String processId, @RequestParam String element, @RequestParam String minutes,
      Authentication authentication, RedirectAttributes redirect, Locale locale) {
    int value;
    try {
      value = Integer.parseInt(minutes.trim());
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 0 || value > MAX_MINUTES || element.isBlank()) {
      redirect.addFlashAttribute("error", messages.getMessage("dashboard.minutes.invalid",
          new Object[] {String.valueOf(MAX_MINUTES)}, locale));
    } else {
      queries.setMinutes(processId, element, value, CurrentUser.of(authentication).id(), clock.millis());
      redirect.addFlashAttribute("info", messages.getMessage("dashboard.minutes.saved", null, locale));
    }
    return "redirect:/dashboard/" + processId;
  }
}
