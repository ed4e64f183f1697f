package org.tsumugi.server.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.dashboard.Figures.Kpi;
import org.tsumugi.server.web.Json;

/**
 * Each shipped workflow's own measure, read from the variable its process already records at process
 * scope when an instance completes: no table of its own, so instances finished before this existed count too.
 */
final class LeadTimeKpis {
  /** How a measure is read from the variable's value, and whether a day adds its values up or takes their median. */
  private record Series(String key, boolean count, Function<Object, Double> read) {}

  private record Definition(String variable, List<Series> series) {}

  private static final Map<String, Definition> BY_PROCESS = Map.of(
      // FinalizeWorker records request → approval as {requestedAt, approvedAt, duration, minutes}
      "referral-letter", new Definition("leadTime",
          List.of(new Series("referralLeadTime", false, v -> number(field(v, "minutes"))))),
      // the script task records submission → EMR entry as an ISO-8601 duration
      "monshin-intake", new Definition("receptionLeadTime",
          List.of(new Series("receptionLeadTime", false, LeadTimeKpis::minutes))),
      // the morning report's data totals the night's findings over all batches and the ones the recheck cleared
      "claim-check-nightly", new Definition("reportData",
          List.of(new Series("findingsFound", true, v -> number(field(v, "指摘件数"))),
              new Series("findingsFixed", true, v -> number(field(v, "修正済件数"))))));

  private LeadTimeKpis() {}

  static List<Kpi> of(JdbcTemplate jdbc, String processId, List<String> days, long from, ZoneId zone) {
    Definition definition = BY_PROCESS.get(processId);
    if (definition == null) {
      return List.of();
    }
    List<Map<String, List<Double>>> perDay = new ArrayList<>();
    for (int i = 0; i < definition.series().size(); i++) {
      Map<String, List<Double>> byDay = new LinkedHashMap<>();
      days.forEach(day -> byDay.put(day, new ArrayList<>()));
      perDay.add(byDay);
    }
    jdbc.query("SELECT p.end_date, v.var_value FROM process_instance p JOIN variable v"
        + " ON v.scope_key = p.process_instance_key AND v.name = ?"
        + " WHERE p.bpmn_process_id = ? AND p.state = 'COMPLETED' AND p.end_date >= ?", rs -> {
          String day = Instant.ofEpochMilli(rs.getLong(1)).atZone(zone).toLocalDate().toString();
          Object value = Json.read(rs.getString(2));
          for (int i = 0; i < definition.series().size(); i++) {
            Double measured = value == null ? null : definition.series().get(i).read().apply(value);
            List<Double> values = perDay.get(i).get(day);
            if (measured != null && values != null) {
              values.add(measured);
            }
          }
        }, definition.variable(), processId, from);
    List<Kpi> kpis = new ArrayList<>();
    for (int i = 0; i < definition.series().size(); i++) {
      Series series = definition.series().get(i);
      List<Double> all = new ArrayList<>();
      List<Double> daily = new ArrayList<>();
      perDay.get(i).values().forEach(values -> {
        all.addAll(values);
        daily.add(values.isEmpty() ? null
            : series.count() ? values.stream().mapToDouble(Double::doubleValue).sum() : Percentile.of(values, 0.5));
      });
      kpis.add(new Kpi(series.key(), series.count(), all.size(), Percentile.of(all, 0.5), Percentile.of(all, 0.9),
          daily));
    }
    return kpis;
  }

  private static Object field(Object value, String name) {
    return value instanceof Map<?, ?> map ? map.get(name) : null;
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static Double minutes(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return Duration.parse(text).toMillis() / 60_000.0;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
