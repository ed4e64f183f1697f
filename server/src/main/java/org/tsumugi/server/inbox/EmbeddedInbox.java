package org.tsumugi.server.inbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.EngineClock;
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.server.web.CurrentUser;
import org.tsumugi.server.web.EngineCommands;
import org.tsumugi.server.web.Json;

/**
 * The inbox on the embedded engine: reads its user task tables, and acts through in-process commands that
 * carry the signed-in person, so the engine itself checks who may claim, release and complete.
 */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true)
@Component
class EmbeddedInbox implements TaskInbox {
  private static final String COLUMNS = "SELECT t.user_task_key, t.name, t.element_id, t.bpmn_process_id,"
      + " d.name AS process_name, t.process_instance_key, t.assignee, t.candidate_groups, t.candidate_users,"
      + " t.due_date, t.priority, t.creation_date, t.form_key, t.state, t.element_instance_key"
      + " FROM user_task t JOIN process_definition d ON d.definition_key = t.definition_key";

  private final JdbcTemplate jdbc;
  private final EngineCommands engine;
  private final EngineClock clock;

  EmbeddedInbox(JdbcTemplate jdbc, EngineCommands engine, EngineClock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public long now() {
    return clock.millis();
  }

  @Override
  public void claim(long key, CurrentUser user) {
    run(new Command.AssignUserTask(key, user.id(), false, "claim", user.acting()));
  }

  @Override
  public void unclaim(long key, CurrentUser user) {
    run(new Command.UnassignUserTask(key, "unassign", user.acting()));
  }

  @Override
  public void complete(long key, Map<String, Object> variables, CurrentUser user) {
    run(new Command.CompleteUserTask(key, variables, "complete", user.acting()));
  }

  private void run(Command command) {
    try {
      engine.run(command);
    } catch (Rejection rejection) {
      throw new TaskRefused(rejection.status(), rejection.getMessage());
    }
  }

  @Override
  public List<InboxTask> open(CurrentUser user, InboxFilter filter, long now) {
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
    Long dueBefore = filter.dueBefore(now);
    if (dueBefore != null) {
      sql.append(" AND t.due_date IS NOT NULL AND t.due_date < ?");
      args.add(dueBefore);
    }
    sql.append(" ORDER BY CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.priority DESC,"
        + " t.creation_date");
    return jdbc.query(sql.toString(), (rs, n) -> task(rs), args.toArray());
  }

  @Override
  public Map<String, String> processes() {
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.query("SELECT DISTINCT t.bpmn_process_id, d.name FROM user_task t JOIN process_definition d"
        + " ON d.definition_key = t.definition_key WHERE t.state = 'CREATED' ORDER BY t.bpmn_process_id",
        rs -> {
          names.putIfAbsent(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2));
        });
    return names;
  }

  @Override
  public Optional<InboxTask> task(long key) {
    return jdbc.query(COLUMNS + " WHERE t.user_task_key = ?", (rs, n) -> task(rs), key).stream().findFirst();
  }

  @Override
  public Optional<String> formSchema(InboxTask task) {
    if (task.formKey() == null) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT form_schema FROM form_definition WHERE form_key = ?", String.class,
        task.formKey()).stream().findFirst();
  }

  /** As the engine's task variable search answers them. */
  @Override
  public Map<String, Object> variables(long taskKey) {
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
