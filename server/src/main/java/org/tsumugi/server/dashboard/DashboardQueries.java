package org.tsumugi.server.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import org.tsumugi.server.schema.ServerSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tsumugi.server.dashboard.Figures.RobotRate;
import org.tsumugi.server.dashboard.Figures.TaskLead;
import org.tsumugi.server.dashboard.Figures.TimeSaved;

/**
 * Counts from the engine's state and history tables. Days are bucketed here rather than in SQL so the
 * same queries run on H2 and PostgreSQL, in the server's time zone.
 */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true) // pages need the embedded engine
@Component
class DashboardQueries {
  private final JdbcTemplate jdbc;

  DashboardQueries(JdbcTemplate jdbc, ServerSchema tables) {
    this.jdbc = jdbc;
  }

  Figures figures(String processId, int dayCount, long now) {
    ZoneId zone = ZoneId.systemDefault();
    LocalDate last = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
    LocalDate first = last.minusDays(dayCount - 1L);
    long from = first.atStartOfDay(zone).toInstant().toEpochMilli();
    List<String> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      days.add(day.toString());
    }
    Bucket started = new Bucket(days, zone);
    Bucket completed = new Bucket(days, zone);
    jdbc.query("SELECT start_date, end_date, state FROM process_instance WHERE bpmn_process_id = ?"
        + " AND (start_date >= ? OR end_date >= ?)", rs -> {
          started.add(rs.getLong(1));
          if ("COMPLETED".equals(rs.getString(3))) {
            completed.add(rs.getLong(2));
          }
        }, processId, from, from);
    Bucket jobsCompleted = new Bucket(days, zone);
    Bucket jobsFailed = new Bucket(days, zone);
    jdbc.query("SELECT h.intent, h.record_time FROM history h JOIN job j ON j.job_key = h.record_key"
        + " WHERE h.value_type = 'JOB' AND h.intent IN ('COMPLETED', 'FAILED', 'ERROR_THROWN')"
        + " AND j.bpmn_process_id = ? AND h.record_time >= ?", rs -> {
          (("COMPLETED".equals(rs.getString(1))) ? jobsCompleted : jobsFailed).add(rs.getLong(2));
        }, processId, from);
    Bucket incidents = new Bucket(days, zone);
    jdbc.query("SELECT creation_time FROM incident WHERE bpmn_process_id = ? AND creation_time >= ?",
        rs -> {
          incidents.add(rs.getLong(1));
        }, processId, from);
    Double lead = jdbc.queryForObject("SELECT AVG(CAST(end_date - start_date AS DOUBLE PRECISION)) FROM process_instance"
        + " WHERE bpmn_process_id = ? AND state = 'COMPLETED'", Double.class, processId);
    return new Figures(processId, days, started.counts(), completed.counts(), jobsCompleted.counts(),
        jobsFailed.counts(), incidents.counts(), lead == null ? null : lead / 60_000, taskLeads(processId),
        robots(processId), saved(processId), LeadTimeKpis.of(jdbc, processId, days, from, zone));
  }

  private List<TaskLead> taskLeads(String processId) {
    return jdbc.query("SELECT element_id, MAX(name), COUNT(*),"
        + " AVG(CAST(completion_date - creation_date AS DOUBLE PRECISION)) FROM user_task"
        + " WHERE bpmn_process_id = ? AND state = 'COMPLETED' GROUP BY element_id ORDER BY element_id",
        (rs, n) -> new TaskLead(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4) / 60_000), processId);
  }

  private List<RobotRate> robots(String processId) {
    Map<String, int[]> byType = new TreeMap<>();
    jdbc.query("SELECT j.job_type, h.intent, COUNT(*) FROM history h JOIN job j ON j.job_key = h.record_key"
        + " WHERE h.value_type = 'JOB' AND h.intent IN ('COMPLETED', 'FAILED', 'ERROR_THROWN')"
        + " AND j.bpmn_process_id = ? GROUP BY j.job_type, h.intent", rs -> {
          int[] counts = byType.computeIfAbsent(rs.getString(1), t -> new int[3]);
          counts[switch (rs.getString(2)) {
            case "COMPLETED" -> 0;
            case "FAILED" -> 1;
            default -> 2;
          }] = rs.getInt(3);
        }, processId);
    List<RobotRate> rates = new ArrayList<>();
    byType.forEach((type, c) -> rates.add(new RobotRate(type, c[0], c[1], c[2])));
    return rates;
  }

  /** Every element robots run in this workflow, with the minutes set for it (none yet: null). */
  List<TimeSaved> saved(String processId) {
    Map<String, Integer> minutes = minutes(processId);
    Map<String, Integer> runs = new LinkedHashMap<>();
    jdbc.query("SELECT element_id, SUM(CASE WHEN state = 'COMPLETED' THEN 1 ELSE 0 END) FROM job"
        + " WHERE bpmn_process_id = ? AND job_type <> 'io.camunda.zeebe:userTask' GROUP BY element_id"
        + " ORDER BY element_id", rs -> {
          runs.put(rs.getString(1), rs.getInt(2));
        }, processId);
    minutes.keySet().forEach(element -> runs.putIfAbsent(element, 0));
    List<TimeSaved> saved = new ArrayList<>();
    runs.forEach((element, count) -> saved.add(new TimeSaved(element, count, minutes.get(element))));
    return saved;
  }

  Map<String, Integer> minutes(String processId) {
    Map<String, Integer> minutes = new TreeMap<>();
    jdbc.query("SELECT element_id, minutes FROM staff_minutes WHERE bpmn_process_id = ?", rs -> {
      minutes.put(rs.getString(1), rs.getInt(2));
    }, processId);
    return minutes;
  }

  void setMinutes(String processId, String elementId, int minutes, String user, long now) {
    if (jdbc.update("UPDATE staff_minutes SET minutes = ?, updated_by = ?, updated_at = ? WHERE bpmn_process_id = ?"
        + " AND element_id = ?", minutes, user, now, processId, elementId) == 0) {
      jdbc.update("INSERT INTO staff_minutes (bpmn_process_id, element_id, minutes, updated_by, updated_at)"
          + " VALUES (?, ?, ?, ?, ?)", processId, elementId, minutes, user, now);
    }
  }

  /** Workflow ids and names (latest version) for the dashboard's index. */
  Map<String, String> workflows() {
    Map<String, String> names = new TreeMap<>();
    jdbc.query("SELECT bpmn_process_id, name FROM process_definition ORDER BY version", rs -> {
      names.put(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2));
    });
    return names;
  }

  /** Counts events per day over a fixed list of days; events outside it are ignored. */
  private static final class Bucket {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final ZoneId zone;

    Bucket(List<String> days, ZoneId zone) {
      days.forEach(day -> counts.put(day, 0));
      this.zone = zone;
    }

    void add(long epochMillis) {
      if (epochMillis > 0) {
        counts.computeIfPresent(Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate().toString(),
            (day, n) -> n + 1);
      }
    }

    List<Integer> counts() {
      return Collections.unmodifiableList(new ArrayList<>(counts.values()));
    }
  }
}
