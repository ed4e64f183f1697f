package org.tsumugi.engine.state;

import static org.tsumugi.engine.state.StateStore.nullIfZero;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The user task and form tables (Flyway V2): collects a batch's changed rows, writes them in the
 * batch's transaction, and loads open tasks and every form version back at start-up. Candidates are
 * also kept one per row so that searches by candidate group or user are plain indexed lookups.
 */
final class UserTaskRows {
  private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final StateStore store;
  private final List<Object[]> newForms = new ArrayList<>();
  private final List<Object[]> newTasks = new ArrayList<>();
  private final List<Object[]> changedTasks = new ArrayList<>();
  private final List<Object[]> candidates = new ArrayList<>();
  private final List<Object[]> rewrittenCandidates = new ArrayList<>();

  UserTaskRows(StateStore store) {
    this.store = store;
  }

  /** Takes the entity if it is one of this table set's. */
  boolean add(Entity entity) {
    if (entity instanceof FormDefinition f) {
      newForms.add(new Object[] {f.key, f.formId, f.version, f.resourceName, f.checksum, f.deploymentKey,
          System.currentTimeMillis(), f.schema});
      return true;
    }
    if (!(entity instanceof UserTask t)) {
      return false;
    }
    if (t.persisted) {
      changedTasks.add(new Object[] {t.state.name(), t.assignee, store.toJson(t.candidateGroups),
          store.toJson(t.candidateUsers), nullIfZero(t.dueDate), nullIfZero(t.followUpDate), t.priority,
          nullIfZero(t.completionDate), t.key});
      rewrittenCandidates.add(new Object[] {t.key});
    } else {
      newTasks.add(new Object[] {t.key, t.elementInstanceKey, t.processInstanceKey, t.processDefinitionKey,
          t.bpmnProcessId, t.version, t.elementId, t.name, t.state.name(), t.assignee,
          store.toJson(t.candidateGroups), store.toJson(t.candidateUsers), nullIfZero(t.dueDate),
          nullIfZero(t.followUpDate), t.priority, nullIfZero(t.formKey), t.externalFormReference,
          store.toJson(t.customHeaders), t.creationDate, nullIfZero(t.completionDate)});
    }
    t.candidateGroups.forEach(group -> candidates.add(new Object[] {t.key, "GROUP", group}));
    t.candidateUsers.forEach(user -> candidates.add(new Object[] {t.key, "USER", user}));
    return true;
  }

  void write() {
    store.batch("INSERT INTO form_definition (form_key, form_id, version, resource_name, checksum, deployment_key,"
        + " deploy_time, form_schema) VALUES (?,?,?,?,?,?,?,?)", newForms);
    store.batch("INSERT INTO user_task (user_task_key, element_instance_key, process_instance_key, definition_key,"
        + " bpmn_process_id, version, element_id, name, state, assignee, candidate_groups, candidate_users, due_date,"
        + " follow_up_date, priority, form_key, external_form_reference, custom_headers, creation_date,"
        + " completion_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", newTasks);
    store.batch("UPDATE user_task SET state = ?, assignee = ?, candidate_groups = ?, candidate_users = ?,"
        + " due_date = ?, follow_up_date = ?, priority = ?, completion_date = ? WHERE user_task_key = ?", changedTasks);
    store.batch("DELETE FROM user_task_candidate WHERE user_task_key = ?", rewrittenCandidates);
    store.batch("INSERT INTO user_task_candidate (user_task_key, kind, name) VALUES (?,?,?)", candidates);
  }

  /** Every form version, and the open tasks of active process instances. */
  void load(JdbcTemplate jdbc, UserTaskRegistry registry) {
    jdbc.query("SELECT form_key, form_id, version, resource_name, checksum, deployment_key, form_schema"
        + " FROM form_definition ORDER BY form_key", rs -> {
          FormDefinition form = new FormDefinition(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
              rs.getString(5), rs.getLong(6), rs.getString(7));
          form.persisted = true;
          registry.addForm(form);
        });
    jdbc.query("SELECT t.user_task_key, t.element_instance_key, t.process_instance_key, t.definition_key,"
        + " t.bpmn_process_id, t.version, t.element_id, t.name, t.assignee, t.candidate_groups, t.candidate_users,"
        + " t.due_date, t.follow_up_date, t.priority, t.form_key, t.external_form_reference, t.custom_headers,"
        + " t.creation_date FROM process_instance p JOIN user_task t ON t.process_instance_key = p.process_instance_key"
        + " WHERE p.state = 'ACTIVE' AND t.state = 'CREATED' ORDER BY t.user_task_key", rs -> {
          UserTask task = new UserTask(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
              rs.getInt(6), rs.getString(7), rs.getString(8), rs.getLong(18), rs.getLong(15), rs.getString(16),
              store.fromJson(rs.getString(17), HEADERS));
          task.assignee = rs.getString(9);
          task.candidateGroups = store.fromJson(rs.getString(10), NAMES);
          task.candidateUsers = store.fromJson(rs.getString(11), NAMES);
          task.dueDate = rs.getLong(12);
          task.followUpDate = rs.getLong(13);
          task.priority = rs.getInt(14);
          task.persisted = true;
          registry.add(task);
        });
  }
}
