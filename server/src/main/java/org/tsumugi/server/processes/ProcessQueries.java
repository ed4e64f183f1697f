package org.tsumugi.server.processes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tsumugi.server.processes.ProcessRows.Event;
import org.tsumugi.server.processes.ProcessRows.Incident;
import org.tsumugi.server.processes.ProcessRows.Instance;
import org.tsumugi.server.processes.ProcessRows.Variable;
import org.tsumugi.server.processes.ProcessRows.Version;
import org.tsumugi.server.processes.ProcessRows.Workflow;

/** Reads the engine's definition, instance, incident and history tables for the process views. */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true) // pages need the embedded engine
@Component
class ProcessQueries {
  /** A page shows at most this many instances; the filters narrow further. */
  static final int INSTANCE_PAGE = 200;

  private final JdbcTemplate jdbc;

  ProcessQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Workflow> workflows() {
    return jdbc.query("SELECT d.bpmn_process_id, d.name, d.version, d.definition_key,"
        + " (SELECT COUNT(*) FROM process_instance p WHERE p.bpmn_process_id = d.bpmn_process_id AND p.state = 'ACTIVE'),"
        + " (SELECT COUNT(*) FROM incident i WHERE i.bpmn_process_id = d.bpmn_process_id AND i.state = 'ACTIVE')"
        + " FROM process_definition d WHERE d.version = (SELECT MAX(v.version) FROM process_definition v"
        + " WHERE v.bpmn_process_id = d.bpmn_process_id) ORDER BY d.bpmn_process_id",
        (rs, n) -> new Workflow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getInt(5),
            rs.getInt(6)));
  }

  List<Version> versions(String processId) {
    return jdbc.query("SELECT definition_key, version, deploy_time, resource_name FROM process_definition"
        + " WHERE bpmn_process_id = ? ORDER BY version DESC",
        (rs, n) -> new Version(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4)), processId);
  }

  Optional<String> xml(long definitionKey) {
    return jdbc.queryForList("SELECT resource FROM process_definition WHERE definition_key = ?", String.class,
        definitionKey).stream().findFirst();
  }

  Optional<String> name(String processId) {
    return jdbc.queryForList("SELECT COALESCE(name, bpmn_process_id) FROM process_definition"
        + " WHERE bpmn_process_id = ? ORDER BY version DESC", String.class, processId).stream().findFirst();
  }

  /** One page of instances, newest first; one row more than a page is read to tell whether another follows. */
  List<Instance> instances(String processId, String state, boolean withIncidents, int page) {
    StringBuilder sql = new StringBuilder("SELECT process_instance_key, bpmn_process_id, version, state, start_date,"
        + " end_date, open_incidents, definition_key FROM process_instance WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (processId != null && !processId.isBlank()) {
      sql.append(" AND bpmn_process_id = ?");
      args.add(processId);
    }
    if (state != null && !state.isBlank()) {
      sql.append(" AND state = ?");
      args.add(state);
    }
    if (withIncidents) {
      sql.append(" AND open_incidents > 0");
    }
    sql.append(" ORDER BY start_date DESC, process_instance_key DESC");
    sql.append(" LIMIT ? OFFSET ?");
    args.add(INSTANCE_PAGE + 1);
    args.add((long) Math.max(page, 0) * INSTANCE_PAGE);
    return jdbc.query(sql.toString(), (rs, n) -> instance(rs), args.toArray());
  }

  Optional<Instance> instance(long key) {
    return jdbc.query("SELECT process_instance_key, bpmn_process_id, version, state, start_date, end_date,"
        + " open_incidents, definition_key FROM process_instance WHERE process_instance_key = ?",
        (rs, n) -> instance(rs), key).stream().findFirst();
  }

  private static Instance instance(java.sql.ResultSet rs) throws java.sql.SQLException {
    long end = rs.getLong(6);
    return new Instance(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
        end == 0 ? null : end, rs.getInt(7), rs.getLong(8));
  }

  /** Element ids of the instance's elements that are still running (where tokens stand). */
  List<String> activeElements(long instanceKey) {
    return jdbc.queryForList("SELECT DISTINCT element_id FROM element_instance WHERE process_instance_key = ?"
        + " AND state NOT IN ('COMPLETED', 'TERMINATED') AND element_instance_key <> process_instance_key",
        String.class, instanceKey);
  }

  List<String> completedElements(long instanceKey) {
    return jdbc.queryForList("SELECT DISTINCT element_id FROM element_instance WHERE process_instance_key = ?"
        + " AND state = 'COMPLETED' AND element_instance_key <> process_instance_key", String.class, instanceKey);
  }

  List<Variable> variables(long instanceKey) {
    return jdbc.query("SELECT name, var_value, scope_key FROM variable WHERE process_instance_key = ?"
        + " ORDER BY scope_key, name", (rs, n) -> new Variable(rs.getString(1), rs.getString(2), rs.getLong(3)),
        instanceKey);
  }

  List<Event> history(long instanceKey) {
    return jdbc.query("SELECT record_time, value_type, intent, element_id FROM history WHERE process_instance_key = ?"
        + " AND value_type IN ('PROCESS_INSTANCE', 'JOB', 'INCIDENT', 'USER_TASK') ORDER BY position",
        (rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), instanceKey);
  }

  List<Incident> incidents(Long instanceKey, boolean openOnly) {
    return incidents(instanceKey, openOnly, null);
  }

  Optional<Incident> incident(long key) {
    return incidents(null, false, key).stream().findFirst();
  }

  private List<Incident> incidents(Long instanceKey, boolean openOnly, Long incidentKey) {
    StringBuilder sql = new StringBuilder("SELECT incident_key, error_type, error_message, element_id, job_key, state,"
        + " creation_time, process_instance_key, bpmn_process_id FROM incident WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (instanceKey != null) {
      sql.append(" AND process_instance_key = ?");
      args.add(instanceKey);
    }
    if (openOnly) {
      sql.append(" AND state = 'ACTIVE'");
    }
    if (incidentKey != null) {
      sql.append(" AND incident_key = ?");
      args.add(incidentKey);
    }
    sql.append(" ORDER BY creation_time DESC");
    return jdbc.query(sql.toString(), (rs, n) -> {
      long job = rs.getLong(5);
      return new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), job == 0 ? null : job,
          rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9));
    }, args.toArray());
  }

  Optional<String> formSchema(String formId) {
    return jdbc.queryForList("SELECT form_schema FROM form_definition WHERE form_id = ? ORDER BY version DESC",
        String.class, formId).stream().findFirst();
  }
}
