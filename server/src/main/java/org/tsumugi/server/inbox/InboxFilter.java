package org.tsumugi.server.inbox;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The inbox filters from the query string; blank means no filter.
 *
 * @param due {@code overdue}, {@code today} or {@code week}
 * @param priority the lowest priority shown
 */
public record InboxFilter(String process, String due, Integer priority) {

  /** The due date a task must be before to pass the {@code due} filter, or null for no such filter. */
  Long dueBefore(long now) {
    if (due == null) {
      return null;
    }
    ZoneId zone = ZoneId.systemDefault();
    LocalDate today = LocalDate.now(zone);
    return switch (due) {
      case "overdue" -> now;
      case "today" -> today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
      case "week" -> today.plusDays(7).atStartOfDay(zone).toInstant().toEpochMilli();
      default -> null;
    };
  }

  /** Whether a task passes these filters, for an inbox that filters after searching. */
  boolean admits(InboxTask task, long now) {
    Long before = dueBefore(now);
    return (process == null || process.isBlank() || process.equals(task.processId()))
        && (priority == null || task.priority() >= priority)
        && (before == null || task.dueDate() != null && task.dueDate() < before);
  }
}
