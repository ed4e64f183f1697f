package org.tsumugi.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** The dashboard's figures as CSV sections: per day, user task lead times, robots, staff time saved. */
final class FiguresCsv {
  private FiguresCsv() {}

  /** With the workflow's own measures after the other sections, headed in the reader's language. */
  static String of(Figures f, UnaryOperator<String> message) {
    StringBuilder csv = new StringBuilder();
    row(csv, "day", "started", "completed", "jobs_completed", "jobs_failed", "incidents");
    for (int i = 0; i < f.days().size(); i++) {
      row(csv, f.days().get(i), f.started().get(i), f.completed().get(i), f.jobsCompleted().get(i),
          f.jobsFailed().get(i), f.incidents().get(i));
    }
    csv.append("\r\n");
    row(csv, "process_lead_time_minutes", f.averageLeadMinutes() == null ? "" : number(f.averageLeadMinutes()));
    csv.append("\r\n");
    row(csv, "user_task", "name", "completed", "average_minutes");
    f.taskLeads().forEach(t -> row(csv, t.elementId(), t.name(), t.completed(), number(t.averageMinutes())));
    csv.append("\r\n");
    row(csv, "job_type", "completed", "failed", "errors", "success_percent");
    f.robots().forEach(r -> row(csv, r.jobType(), r.completed(), r.failed(), r.errors(),
        r.successPercent() == null ? "" : number(r.successPercent())));
    csv.append("\r\n");
    row(csv, "robot_task", "runs", "minutes_per_run", "minutes_saved");
    f.saved().forEach(s -> row(csv, s.elementId(), s.runs(), s.minutesPerRun() == null ? "" : s.minutesPerRun(),
        s.minutes()));
    if (!f.kpis().isEmpty()) {
      csv.append("\r\n");
      row(csv, message.apply("dashboard.kpi"), message.apply("dashboard.kpi.samples"),
          message.apply("dashboard.kpi.median"), message.apply("dashboard.kpi.p90"));
      f.kpis().forEach(k -> row(csv, message.apply("dashboard.kpi." + k.key()), k.samples(), number(k.median()),
          number(k.p90())));
      csv.append("\r\n");
      List<Object> header = new ArrayList<>(List.of(message.apply("dashboard.kpi.day")));
      f.kpis().forEach(k -> header.add(message.apply("dashboard.kpi." + k.key())));
      row(csv, header.toArray());
      for (int i = 0; i < f.days().size(); i++) {
        List<Object> cells = new ArrayList<>(List.of(f.days().get(i)));
        int day = i;
        f.kpis().forEach(k -> cells.add(number(k.perDay().get(day))));
        row(csv, cells.toArray());
      }
    }
    return csv.toString();
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static void row(StringBuilder csv, Object... cells) {
    List<Object> values = List.of(cells);
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(values.get(i) == null ? "" : values.get(i).toString()));
    }
    csv.append("\r\n");
  }

  /** Quotes what needs it; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
  private static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
        ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
