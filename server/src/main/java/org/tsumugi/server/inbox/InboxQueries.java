package org.tsumugi.server.inbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tsumugi.server.web.CurrentUser;
import org.tsumugi.server.web.Json;

/** Reads the engine's user task tables for the inbox and the task page. */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true) // pages need the embedded engine
@Component
class InboxQueries {
  private static final String COLUMNS = "SELECT t.user_task_key, t.name, t.element_id, t.bpmn_process_id,"
      + " d.name AS process_name, t.process_instance_key, t.assignee, t.candidate_groups, t.candidate_users,"
      + " t.due_date, t.priority, t.creation_date, t.form_key, t.state, t.element_instance_key"
      + " FROM user_task t JOIN process_definition d ON d.definition_key = t.definition_key";

  private final JdbcTemplate jdbc;

  InboxQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Open tasks assigned to the user, or unassigned and offered to them or one of their groups. */
  List<InboxTask> open(CurrentUser user, InboxFilter filter, long now) {
    StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE t.state = 'CREATED' AND (t.assignee = ?"
        + " OR (t.assignee IS NULL AND EXISTS (SELECT 1 FROM user_task_candidate c"
        + " WHERE c.user_task_key = t.user_task_key AND ((c.kind = 'USER' AND c.name = ?)");
    List<Object> args = new ArrayList<>(List.of(user.id(), user.id()));
    if (!user.groups().isEmpty()) {
      sql.append(" OR (c.kind = 'GROUP' AND c.name IN (")
          .append(String.join(",", user.groups().stream().map(g -> "?").toList())).append("))");
      args.addAll(user.groups());
    }
    sql.append("))))");
    if (filter.process() != null && !filter.process().isBlank()) {
      sql.append(" AND t.bpmn_process_id = ?");
      args.add(filter.process());
    }
    if (filter.priority() != null) {
      sql.append(" AND t.priority >= ?");
      args.add(filter.priority());
    }
    Long dueBefore = dueBefore(filter.due(), now);
    if (dueBefore != null) {
      sql.append(" AND t.due_date IS NOT NULL AND t.due_date < ?");
      args.add(dueBefore);
    }
    sql.append(" ORDER BY CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.priority DESC,"
        + " t.creation_date");
    return jdbc.query(sql.toString(), (rs, n) -> task(rs), args.toArray());
  }

  private static Long dueBefore(String due, long now) {
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

  /** The processes that have user tasks, for the filter's choices: id to name. */
  Map<String, String> processes() {
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.query("SELECT DISTINCT t.bpmn_process_id, d.name FROM user_task t JOIN process_definition d"
        + " ON d.definition_key = t.definition_key WHERE t.state = 'CREATED' ORDER BY t.bpmn_process_id",
        rs -> {
          names.putIfAbsent(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2));
        });
    return names;
  }

  Optional<InboxTask> task(long key) {
    return jdbc.query(COLUMNS + " WHERE t.user_task_key = ?", (rs, n) -> task(rs), key).stream().findFirst();
  }

  Optional<String> formSchema(long formKey) {
    return jdbc.queryForList("SELECT form_schema FROM form_definition WHERE form_key = ?", String.class, formKey)
        .stream().findFirst();
  }

  /**
   * The variables the task sees, as the engine's task variable search answers them: its element's and
   * every enclosing scope's, an inner one hiding an outer one of the same name.
   */
  Map<String, Object> variables(long taskKey) {
    Long scope = jdbc.queryForObject("SELECT element_instance_key FROM user_task WHERE user_task_key = ?",
        Long.class, taskKey);
    Map<String, Object> seen = new LinkedHashMap<>();
    while (scope != null && scope > 0) {
      jdbc.query("SELECT name, var_value FROM variable WHERE scope_key = ? ORDER BY name",
          rs -> {
            seen.putIfAbsent(rs.getString(1), Json.read(rs.getString(2)));
          }, scope);
      List<Long> outer = jdbc.queryForList("SELECT flow_scope_key FROM element_instance WHERE element_instance_key = ?",
          Long.class, scope);
      scope = outer.isEmpty() ? null : outer.get(0);
    }
    return seen;
  }

  private static InboxTask task(ResultSet rs) throws SQLException {
    long due = rs.getLong("due_date");
    long formKey = rs.getLong("form_key");
    return new InboxTask(rs.getLong("user_task_key"), rs.getString("name"), rs.getString("element_id"),
        rs.getString("bpmn_process_id"), rs.getString("process_name"), rs.getLong("process_instance_key"),
        rs.getString("assignee"), Json.strings(rs.getString("candidate_groups")),
        Json.strings(rs.getString("candidate_users")), due == 0 ? null : due, rs.getInt("priority"),
        rs.getLong("creation_date"), formKey == 0 ? null : formKey, rs.getString("state"));
  }
}
