package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The user task search and get: the user_task table, with candidates matched row by row. */
final class UserTaskReadModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CANDIDATE = "SELECT 1 FROM user_task_candidate c WHERE c.user_task_key = t.user_task_key"
      + " AND c.kind = '%s' AND c.name {}";

  static final Search SEARCH = new Search("user task", "userTaskKey", "t.*, d.name AS process_name",
      "user_task t JOIN process_definition d ON d.definition_key = t.definition_key",
      Map.ofEntries(
          Map.entry("userTaskKey", new Search.Field("t.user_task_key", Search.Type.KEY)),
          Map.entry("state", new Search.Field("t.state", Search.Type.STRING)),
          Map.entry("assignee", new Search.Field("t.assignee", Search.Type.STRING)),
          Map.entry("priority", new Search.Field("t.priority", Search.Type.INT)),
          Map.entry("elementId", new Search.Field("t.element_id", Search.Type.STRING)),
          Map.entry("name", new Search.Field("t.name", Search.Type.STRING)),
          Map.entry("candidateGroup", Search.Field.members(CANDIDATE.formatted("GROUP"))),
          Map.entry("candidateUser", Search.Field.members(CANDIDATE.formatted("USER"))),
          Map.entry("processDefinitionId", new Search.Field("t.bpmn_process_id", Search.Type.STRING)),
          Map.entry("processDefinitionKey", new Search.Field("t.definition_key", Search.Type.KEY)),
          Map.entry("processInstanceKey", new Search.Field("t.process_instance_key", Search.Type.KEY)),
          Map.entry("elementInstanceKey", new Search.Field("t.element_instance_key", Search.Type.KEY)),
          Map.entry("creationDate", new Search.Field("t.creation_date", Search.Type.DATE)),
          Map.entry("completionDate", new Search.Field("t.completion_date", Search.Type.DATE)),
          Map.entry("followUpDate", new Search.Field("t.follow_up_date", Search.Type.DATE)),
          Map.entry("dueDate", new Search.Field("t.due_date", Search.Type.DATE))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("userTaskKey", Search.key(rs, "user_task_key"));
        item.put("name", rs.getString("name"));
        item.put("state", rs.getString("state"));
        item.put("assignee", rs.getString("assignee"));
        item.put("elementId", rs.getString("element_id"));
        item.put("elementInstanceKey", Search.key(rs, "element_instance_key"));
        item.put("candidateGroups", json(rs.getString("candidate_groups")));
        item.put("candidateUsers", json(rs.getString("candidate_users")));
        item.put("processDefinitionId", rs.getString("bpmn_process_id"));
        item.put("processName", rs.getString("process_name"));
        item.put("processDefinitionKey", Search.key(rs, "definition_key"));
        item.put("processInstanceKey", Search.key(rs, "process_instance_key"));
        item.put("processDefinitionVersion", rs.getInt("version"));
        item.put("formKey", Search.key(rs, "form_key"));
        item.put("externalFormReference", rs.getString("external_form_reference"));
        item.put("creationDate", Search.date(rs.getLong("creation_date")));
        item.put("completionDate", Search.date(rs.getLong("completion_date")));
        item.put("followUpDate", Search.date(rs.getLong("follow_up_date")));
        item.put("dueDate", Search.date(rs.getLong("due_date")));
        item.put("priority", rs.getInt("priority"));
        item.put("customHeaders", json(rs.getString("custom_headers")));
        item.put("tenantId", TENANT);
        return item;
      });

  private UserTaskReadModel() {}

  private static Object json(String text) {
    try {
      return JSON.readValue(text, new TypeReference<Object>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored user task JSON is unreadable", e);
    }
  }
}
