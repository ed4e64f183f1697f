package org.tsumugi.server.dashboard;

import java.util.List;

/**
 * One workflow's numbers for the dashboard, over the days shown (oldest first). Counts only: no
 * variable, no patient.
 */
public record Figures(String processId, List<String> days, List<Integer> started, List<Integer> completed,
    List<Integer> jobsCompleted, List<Integer> jobsFailed, List<Integer> incidents, Double averageLeadMinutes,
    List<TaskLead> taskLeads, List<RobotRate> robots, List<TimeSaved> saved, List<Kpi> kpis) {

  /**
   * The workflow's own measure over the period: lead time in minutes, or a count per night; per day the
   * median of that day's lead times or the sum of its counts (null: nothing completed that day).
   */
  public record Kpi(String key, boolean count, int samples, Double median, Double p90, List<Double> perDay) {}

  /** How long people took on a user task: creation to completion, averaged over completed tasks. */
  public record TaskLead(String elementId, String name, int completed, double averageMinutes) {}

  /** A job type's runs: completed, failed attempts and BPMN errors thrown. */
  public record RobotRate(String jobType, int completed, int failed, int errors) {
    public Double successPercent() {
      int ended = completed + failed + errors;
      return ended == 0 ? null : 100.0 * completed / ended;
    }
  }

  /** Minutes per run set by the process owner, times the runs the robot completed. */
  public record TimeSaved(String elementId, int runs, Integer minutesPerRun) {
    public int minutes() {
      return minutesPerRun == null ? 0 : runs * minutesPerRun;
    }
  }

  public int totalMinutesSaved() {
    return saved.stream().mapToInt(TimeSaved::minutes).sum();
  }
}
