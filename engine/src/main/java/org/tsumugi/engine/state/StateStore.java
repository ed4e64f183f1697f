package org.tsumugi.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tsumugi.engine.decision.DecisionStore;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ProcessModel;
import org.tsumugi.engine.model.Trigger;

/**
 * Writes the changes of one batch of commands in one transaction, and reads the runtime state back
 * at start-up. Plain JDBC with portable SQL, so H2 and PostgreSQL share one schema.
 */
public final class StateStore {
  private static final TypeReference<Map<String, Map<String, Integer>>> JOIN_TOKENS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final MessageStore messages;
  private final DecisionStore decisions;

  public StateStore(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.messages = new MessageStore(jdbc, this);
    this.decisions = new DecisionStore(jdbc);
  }

  /** Writes everything the batch changed, or nothing. */
  public void flush(EngineState state) {
    transactions.executeWithoutResult(tx -> write(state));
    for (Entity entity : state.dirty) {
      entity.persisted = true;
    }
    state.dirty.clear();
    state.newDefinitions.clear();
    state.history.clear();
    decisions.flushed(state.decisions());
  }

  private void write(EngineState state) {
    List<Object[]> definitions = new ArrayList<>();
    for (ProcessDefinition d : state.newDefinitions) {
      definitions.add(new Object[] {d.key, d.bpmnProcessId, d.version, d.name, d.resourceName, d.checksum,
          d.deploymentKey, System.currentTimeMillis(), new String(d.resource, StandardCharsets.UTF_8)});
    }
    batch("INSERT INTO process_definition (definition_key, bpmn_process_id, version, name, resource_name, checksum,"
        + " deployment_key, deploy_time, resource) VALUES (?,?,?,?,?,?,?,?,?)", definitions);

    List<Object[]> newProcesses = new ArrayList<>();
    List<Object[]> changedProcesses = new ArrayList<>();
    List<Object[]> newElements = new ArrayList<>();
    List<Object[]> changedElements = new ArrayList<>();
    List<Object[]> newVariables = new ArrayList<>();
    List<Object[]> changedVariables = new ArrayList<>();
    List<Object[]> newJobs = new ArrayList<>();
    List<Object[]> changedJobs = new ArrayList<>();
    List<Object[]> newIncidents = new ArrayList<>();
    List<Object[]> changedIncidents = new ArrayList<>();
    List<Object[]> newSubscriptions = new ArrayList<>();
    List<Object[]> changedSubscriptions = new ArrayList<>();
    UserTaskRows userTaskRows = new UserTaskRows(this);
    for (Entity entity : state.dirty) {
      if (userTaskRows.add(entity)) {
        continue;
      }
      if (entity instanceof ElementInstance e) {
        if (e.isRoot()) {
          (e.persisted ? changedProcesses : newProcesses).add(e.persisted
              ? new Object[] {e.state.apiState(), nullIfZero(e.endDate), e.openIncidents, e.key}
              : new Object[] {e.key, e.processDefinitionKey, e.bpmnProcessId, e.version, e.state.apiState(),
                  e.startDate, nullIfZero(e.endDate), e.openIncidents, nullIfZero(e.parentProcessInstanceKey),
                  nullIfZero(e.parentElementInstanceKey)});
        }
        String tokens = e.joinTokens.isEmpty() ? null : toJson(e.joinTokens);
        (e.persisted ? changedElements : newElements).add(e.persisted
            ? new Object[] {e.state.name(), nullIfZero(e.endDate), nullIfZero(e.incidentKey), nullIfZero(e.jobKey), tokens,
                nullIfZero(e.loopInstances), nullIfZero(e.loopCompleted), nullIfZero(e.loopTerminated), e.key}
            : new Object[] {e.key, e.processInstanceKey, e.processDefinitionKey, e.bpmnProcessId, e.version,
                e.elementId, e.elementName, e.kind.name(), e.flowScopeKey, e.state.name(), e.startDate,
                nullIfZero(e.endDate), nullIfZero(e.incidentKey), nullIfZero(e.jobKey), tokens,
                nullIfZero(e.loopInstances), nullIfZero(e.loopCompleted), nullIfZero(e.loopTerminated)});
      } else if (entity instanceof Variable v) {
        (v.persisted ? changedVariables : newVariables).add(v.persisted
            ? new Object[] {toJson(v.value), v.key}
            : new Object[] {v.key, v.scopeKey, v.processInstanceKey, v.name, toJson(v.value)});
      } else if (entity instanceof Job j) {
        (j.persisted ? changedJobs : newJobs).add(j.persisted
            ? new Object[] {j.state.name(), j.lastIntent, j.retries, j.worker, nullIfZero(j.deadline),
                nullIfZero(j.recurAt), j.errorMessage, j.errorCode, nullIfZero(j.endDate), j.key}
            : new Object[] {j.key, j.type, j.state.name(), j.lastIntent, j.retries, j.worker, nullIfZero(j.deadline),
                nullIfZero(j.recurAt), j.errorMessage, j.errorCode, toJson(j.customHeaders), j.elementInstanceKey,
                j.processInstanceKey, j.processDefinitionKey, j.bpmnProcessId, j.version, j.elementId,
                nullIfZero(j.endDate)});
      } else if (entity instanceof Incident i) {
        (i.persisted ? changedIncidents : newIncidents).add(i.persisted
            ? new Object[] {i.resolved ? "RESOLVED" : "ACTIVE", i.key}
            : new Object[] {i.key, i.errorType, i.errorMessage, i.resolved ? "RESOLVED" : "ACTIVE", i.retry.name(),
                i.processInstanceKey, i.processDefinitionKey, i.bpmnProcessId, i.elementInstanceKey, i.elementId,
                nullIfZero(i.jobKey), i.creationTime});
      } else if (entity instanceof EventSubscription s) {
        (s.persisted ? changedSubscriptions : newSubscriptions).add(s.persisted
            ? new Object[] {s.open ? "OPEN" : "CLOSED", nullIfZero(s.dueDate), s.repetitions, s.key}
            : new Object[] {s.key, s.trigger.name(), s.open ? "OPEN" : "CLOSED", s.processDefinitionKey, s.bpmnProcessId,
                nullIfZero(s.processInstanceKey), nullIfZero(s.ownerKey), s.catchElementId, s.interrupting,
                s.creationTime, nullIfZero(s.dueDate), s.repetitions, s.timerType, s.timerValue, s.eventName,
                s.correlationKey});
      }
    }
    batch("INSERT INTO process_instance (process_instance_key, definition_key, bpmn_process_id, version, state,"
        + " start_date, end_date, open_incidents, parent_process_instance_key, parent_element_instance_key)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?)", newProcesses);
    batch("UPDATE process_instance SET state = ?, end_date = ?, open_incidents = ? WHERE process_instance_key = ?",
        changedProcesses);
    batch("INSERT INTO element_instance (element_instance_key, process_instance_key, definition_key, bpmn_process_id,"
        + " version, element_id, element_name, element_type, flow_scope_key, state, start_date, end_date, incident_key,"
        + " job_key, join_tokens, loop_instances, loop_completed, loop_terminated)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", newElements);
    batch("UPDATE element_instance SET state = ?, end_date = ?, incident_key = ?, job_key = ?, join_tokens = ?,"
        + " loop_instances = ?, loop_completed = ?, loop_terminated = ? WHERE element_instance_key = ?", changedElements);
    batch("INSERT INTO variable (variable_key, scope_key, process_instance_key, name, var_value) VALUES (?,?,?,?,?)",
        newVariables);
    batch("UPDATE variable SET var_value = ? WHERE variable_key = ?", changedVariables);
    batch("INSERT INTO job (job_key, job_type, state, last_intent, retries, worker, deadline, recur_at, error_message,"
        + " error_code, custom_headers, element_instance_key, process_instance_key, definition_key, bpmn_process_id,"
        + " version, element_id, end_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", newJobs);
    batch("UPDATE job SET state = ?, last_intent = ?, retries = ?, worker = ?, deadline = ?, recur_at = ?,"
        + " error_message = ?, error_code = ?, end_date = ? WHERE job_key = ?", changedJobs);
    batch("INSERT INTO incident (incident_key, error_type, error_message, state, retry, process_instance_key,"
        + " definition_key, bpmn_process_id, element_instance_key, element_id, job_key, creation_time)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", newIncidents);
    batch("UPDATE incident SET state = ? WHERE incident_key = ?", changedIncidents);
    batch("INSERT INTO event_subscription (subscription_key, event_trigger, state, definition_key, bpmn_process_id,"
        + " process_instance_key, owner_key, catch_element_id, interrupting, creation_time, due_date, repetitions,"
        + " timer_type, timer_value, event_name, correlation_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        newSubscriptions);
    batch("UPDATE event_subscription SET state = ?, due_date = ?, repetitions = ? WHERE subscription_key = ?",
        changedSubscriptions);

    messages.write(state.dirty);
    userTaskRows.write();

    List<Object[]> history = new ArrayList<>(state.history.size());
    for (HistoryRecord r : state.history) {
      history.add(new Object[] {r.key(), r.valueType(), r.intent(), nullIfZero(r.processInstanceKey()), r.elementId(),
          r.timestamp(), r.payload()});
    }
    batch("INSERT INTO history (record_key, value_type, intent, process_instance_key, element_id, record_time, payload)"
        + " VALUES (?,?,?,?,?,?,?)", history);
    decisions.write(state.decisions());

    if (jdbc.update("UPDATE engine_meta SET long_value = ? WHERE name = 'last_key'", state.lastKey()) == 0) {
      jdbc.update("INSERT INTO engine_meta (name, long_value) VALUES ('last_key', ?)", state.lastKey());
    }
  }

  void batch(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
    }
  }

  /**
   * Replaces the in-memory state with what the database holds: at start-up and after a failed batch.
   * The parser turns a stored resource back into the model of the named process.
   */
  public void load(EngineState state, BiFunction<String, byte[], ProcessModel> parser) {
    state.clear();
    state.restoreLastKey(jdbc.query("SELECT long_value FROM engine_meta WHERE name = 'last_key'",
        rs -> rs.next() ? rs.getLong(1) : 0L));
    jdbc.query("SELECT definition_key, bpmn_process_id, version, name, resource_name, checksum, deployment_key, resource"
        + " FROM process_definition ORDER BY definition_key", rs -> {
          byte[] resource = rs.getString(8).getBytes(StandardCharsets.UTF_8);
          String bpmnProcessId = rs.getString(2);
          state.putDefinition(new ProcessDefinition(rs.getLong(1), bpmnProcessId, rs.getInt(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getLong(7), resource, parser.apply(bpmnProcessId, resource)));
        });
    decisions.load(state.decisions());
    jdbc.query("SELECT e.element_instance_key, e.process_instance_key, e.definition_key, e.bpmn_process_id, e.version,"
        + " e.element_id, e.element_name, e.element_type, e.flow_scope_key, e.state, e.start_date, e.incident_key,"
        + " e.job_key, e.join_tokens, p.open_incidents, e.loop_instances, e.loop_completed, e.loop_terminated,"
        + " p.parent_process_instance_key, p.parent_element_instance_key FROM process_instance p JOIN element_instance e"
        + " ON e.process_instance_key = p.process_instance_key"
        + " WHERE p.state = 'ACTIVE' AND e.state NOT IN ('COMPLETED', 'TERMINATED') ORDER BY e.element_instance_key",
        rs -> {
          ElementInstance e = new ElementInstance(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
              rs.getInt(5), rs.getString(6), rs.getString(7), ElementKind.valueOf(rs.getString(8)), rs.getLong(9),
              rs.getLong(11));
          e.state = Lifecycle.valueOf(rs.getString(10));
          e.incidentKey = rs.getLong(12);
          e.jobKey = rs.getLong(13);
          if (rs.getString(14) != null) {
            e.joinTokens.putAll(fromJson(rs.getString(14), JOIN_TOKENS));
          }
          if (e.isRoot()) {
            e.openIncidents = rs.getInt(15);
            e.parentProcessInstanceKey = rs.getLong(19);
            e.parentElementInstanceKey = rs.getLong(20);
          }
          e.loopInstances = rs.getInt(16);
          e.loopCompleted = rs.getInt(17);
          e.loopTerminated = rs.getInt(18);
          state.loaded(e);
        });
    jdbc.query("SELECT v.variable_key, v.scope_key, v.process_instance_key, v.name, v.var_value FROM process_instance p"
        + " JOIN variable v ON v.process_instance_key = p.process_instance_key"
        + " JOIN element_instance e ON e.element_instance_key = v.scope_key"
        + " WHERE p.state = 'ACTIVE' AND e.state NOT IN ('COMPLETED', 'TERMINATED')", rs -> {
          state.loaded(new Variable(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
              fromJson(rs.getString(5), new TypeReference<Object>() {})));
        });
    jdbc.query("SELECT j.job_key, j.job_type, j.state, j.last_intent, j.retries, j.worker, j.deadline, j.recur_at,"
        + " j.error_message, j.error_code, j.custom_headers, j.element_instance_key, j.process_instance_key,"
        + " j.definition_key, j.bpmn_process_id,"
        + " j.version, j.element_id FROM process_instance p JOIN job j ON j.process_instance_key = p.process_instance_key"
        + " WHERE p.state = 'ACTIVE' AND j.state NOT IN ('COMPLETED', 'ERROR_THROWN', 'CANCELED') ORDER BY j.job_key",
        rs -> {
          Job j = new Job(rs.getLong(1), rs.getString(2), rs.getLong(12), rs.getLong(13), rs.getLong(14),
              rs.getString(15), rs.getInt(16), rs.getString(17), fromJson(rs.getString(11), HEADERS), rs.getInt(5));
          j.state = JobState.valueOf(rs.getString(3));
          j.lastIntent = rs.getString(4);
          j.worker = rs.getString(6);
          j.deadline = rs.getLong(7);
          j.recurAt = rs.getLong(8);
          j.errorMessage = rs.getString(9);
          j.errorCode = rs.getString(10);
          state.loaded(j);
        });
    jdbc.query("SELECT incident_key, error_type, error_message, retry, element_instance_key, job_key, creation_time"
        + " FROM incident WHERE state = 'ACTIVE' ORDER BY incident_key", rs -> {
          ElementInstance element = state.elementInstance(rs.getLong(5));
          if (element != null) {
            state.loaded(new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), element, rs.getLong(6),
                rs.getLong(7), Incident.Retry.valueOf(rs.getString(4))));
          }
        });
    loadSubscriptions(state);
    new UserTaskRows(this).load(jdbc, state.userTasks());
    messages.load(state);
  }

  private void loadSubscriptions(EngineState state) {
    jdbc.query("SELECT subscription_key, event_trigger, definition_key, bpmn_process_id, process_instance_key,"
        + " owner_key, catch_element_id, interrupting, creation_time, due_date, repetitions, timer_type, timer_value,"
        + " event_name, correlation_key FROM event_subscription WHERE state = 'OPEN' ORDER BY subscription_key", rs -> {
          EventSubscription s = new EventSubscription(rs.getLong(1), Trigger.valueOf(rs.getString(2)), rs.getLong(3),
              rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getBoolean(8), rs.getLong(9));
          s.dueDate = rs.getLong(10);
          s.repetitions = rs.getInt(11);
          s.timerType = rs.getString(12);
          s.timerValue = rs.getString(13);
          s.eventName = rs.getString(14);
          s.correlationKey = rs.getString(15);
          if (s.isStartEvent() || state.elementInstance(s.ownerKey) != null) {
            state.loaded(s);
          }
        });
  }

  static Object nullIfZero(long value) {
    return value == 0 ? null : value;
  }

  String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("variable value is not serialisable", e);
    }
  }

  <T> T fromJson(String text, TypeReference<T> type) {
    try {
      return text == null ? null : json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }
}
