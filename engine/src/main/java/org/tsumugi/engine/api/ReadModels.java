package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's read side: one search per resource, over the state tables the writer keeps. */
final class ReadModels {
  private static final String STATE = "(CASE WHEN state IN ('COMPLETED', 'TERMINATED') THEN state ELSE 'ACTIVE' END)";

  private static final String LATEST = "(version = (SELECT MAX(l.version) FROM process_definition l"
      + " WHERE l.bpmn_process_id = process_definition.bpmn_process_id))";

  static final Search PROCESS_INSTANCES = new Search("process instance", "processInstanceKey",
      "p.*, d.name AS definition_name",
      "process_instance p JOIN process_definition d ON d.definition_key = p.definition_key",
      Map.ofEntries(
          Map.entry("processInstanceKey", new Search.Field("p.process_instance_key", Search.Type.KEY)),
          Map.entry("processDefinitionKey", new Search.Field("p.definition_key", Search.Type.KEY)),
          Map.entry("processDefinitionId", new Search.Field("p.bpmn_process_id", Search.Type.STRING)),
          Map.entry("processDefinitionName", new Search.Field("d.name", Search.Type.STRING)),
          Map.entry("processDefinitionVersion", new Search.Field("p.version", Search.Type.INT)),
          Map.entry("state", new Search.Field("p.state", Search.Type.STRING)),
          Map.entry("startDate", new Search.Field("p.start_date", Search.Type.DATE)),
          Map.entry("endDate", new Search.Field("p.end_date", Search.Type.DATE)),
          Map.entry("hasIncident", new Search.Field("(p.open_incidents > 0)", Search.Type.BOOLEAN)),
          Map.entry("parentProcessInstanceKey", new Search.Field("p.parent_process_instance_key", Search.Type.KEY)),
          Map.entry("parentElementInstanceKey", new Search.Field("p.parent_element_instance_key", Search.Type.KEY))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("processInstanceKey", Search.key(rs, "process_instance_key"));
        item.put("processDefinitionKey", Search.key(rs, "definition_key"));
        item.put("processDefinitionId", rs.getString("bpmn_process_id"));
        item.put("processDefinitionName", rs.getString("definition_name"));
        item.put("processDefinitionVersion", rs.getInt("version"));
        item.put("state", rs.getString("state"));
        item.put("startDate", Search.date(rs.getLong("start_date")));
        item.put("endDate", Search.date(rs.getLong("end_date")));
        item.put("hasIncident", rs.getInt("open_incidents") > 0);
        item.put("parentProcessInstanceKey", Search.key(rs, "parent_process_instance_key"));
        item.put("parentElementInstanceKey", Search.key(rs, "parent_element_instance_key"));
        item.put("tenantId", TENANT);
        item.put("tags", List.of());
        return item;
      });

  static final Search JOBS = new Search("job", "jobKey",
      "*", "job",
      Map.ofEntries(
          Map.entry("jobKey", new Search.Field("job_key", Search.Type.KEY)),
          Map.entry("type", new Search.Field("job_type", Search.Type.STRING)),
          Map.entry("worker", new Search.Field("worker", Search.Type.STRING)),
          Map.entry("state", new Search.Field("last_intent", Search.Type.STRING)),
          Map.entry("retries", new Search.Field("retries", Search.Type.INT)),
          Map.entry("processInstanceKey", new Search.Field("process_instance_key", Search.Type.KEY)),
          Map.entry("processDefinitionKey", new Search.Field("definition_key", Search.Type.KEY)),
          Map.entry("processDefinitionId", new Search.Field("bpmn_process_id", Search.Type.STRING)),
          Map.entry("elementInstanceKey", new Search.Field("element_instance_key", Search.Type.KEY)),
          Map.entry("elementId", new Search.Field("element_id", Search.Type.STRING)),
          Map.entry("errorCode", new Search.Field("error_code", Search.Type.STRING)),
          Map.entry("errorMessage", new Search.Field("error_message", Search.Type.STRING))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("jobKey", Search.key(rs, "job_key"));
        item.put("type", rs.getString("job_type"));
        item.put("worker", rs.getString("worker"));
        item.put("state", rs.getString("last_intent"));
        item.put("kind", "BPMN_ELEMENT");
        item.put("listenerEventType", "UNSPECIFIED");
        item.put("retries", rs.getInt("retries"));
        item.put("errorCode", rs.getString("error_code"));
        item.put("errorMessage", rs.getString("error_message"));
        item.put("deadline", Search.date(rs.getLong("deadline")));
        item.put("endTime", Search.date(rs.getLong("end_date")));
        item.put("processInstanceKey", Search.key(rs, "process_instance_key"));
        item.put("processDefinitionKey", Search.key(rs, "definition_key"));
        item.put("processDefinitionId", rs.getString("bpmn_process_id"));
        item.put("elementInstanceKey", Search.key(rs, "element_instance_key"));
        item.put("elementId", rs.getString("element_id"));
        item.put("hasFailedWithRetriesLeft", "FAILED".equals(rs.getString("last_intent")) && rs.getInt("retries") > 0);
        item.put("tenantId", TENANT);
        return item;
      });

  static final Search INCIDENTS = new Search("incident", "incidentKey",
      "*", "incident",
      Map.ofEntries(
          Map.entry("incidentKey", new Search.Field("incident_key", Search.Type.KEY)),
          Map.entry("processInstanceKey", new Search.Field("process_instance_key", Search.Type.KEY)),
          Map.entry("processDefinitionKey", new Search.Field("definition_key", Search.Type.KEY)),
          Map.entry("processDefinitionId", new Search.Field("bpmn_process_id", Search.Type.STRING)),
          Map.entry("elementInstanceKey", new Search.Field("element_instance_key", Search.Type.KEY)),
          Map.entry("elementId", new Search.Field("element_id", Search.Type.STRING)),
          Map.entry("jobKey", new Search.Field("job_key", Search.Type.KEY)),
          Map.entry("errorType", new Search.Field("error_type", Search.Type.STRING)),
          Map.entry("errorMessage", new Search.Field("error_message", Search.Type.STRING)),
          Map.entry("state", new Search.Field("state", Search.Type.STRING)),
          Map.entry("creationTime", new Search.Field("creation_time", Search.Type.DATE))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("incidentKey", Search.key(rs, "incident_key"));
        item.put("processInstanceKey", Search.key(rs, "process_instance_key"));
        item.put("processDefinitionKey", Search.key(rs, "definition_key"));
        item.put("processDefinitionId", rs.getString("bpmn_process_id"));
        item.put("elementInstanceKey", Search.key(rs, "element_instance_key"));
        item.put("elementId", rs.getString("element_id"));
        item.put("jobKey", Search.key(rs, "job_key"));
        item.put("errorType", rs.getString("error_type"));
        item.put("errorMessage", rs.getString("error_message"));
        item.put("state", rs.getString("state"));
        item.put("creationTime", Search.date(rs.getLong("creation_time")));
        item.put("tenantId", TENANT);
        return item;
      });

  static final Search VARIABLES = new Search("variable", "variableKey",
      "*", "variable",
      Map.ofEntries(
          Map.entry("variableKey", new Search.Field("variable_key", Search.Type.KEY)),
          Map.entry("scopeKey", new Search.Field("scope_key", Search.Type.KEY)),
          Map.entry("processInstanceKey", new Search.Field("process_instance_key", Search.Type.KEY)),
          Map.entry("name", new Search.Field("name", Search.Type.STRING)),
          Map.entry("value", new Search.Field("var_value", Search.Type.STRING))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("variableKey", Search.key(rs, "variable_key"));
        item.put("name", rs.getString("name"));
        item.put("value", rs.getString("var_value"));
        item.put("isTruncated", false);
        item.put("scopeKey", Search.key(rs, "scope_key"));
        item.put("processInstanceKey", Search.key(rs, "process_instance_key"));
        item.put("tenantId", TENANT);
        return item;
      });

  static final Search ELEMENT_INSTANCES = new Search("element instance", "elementInstanceKey",
      "*", "element_instance",
      Map.ofEntries(
          Map.entry("elementInstanceKey", new Search.Field("element_instance_key", Search.Type.KEY)),
          Map.entry("processInstanceKey", new Search.Field("process_instance_key", Search.Type.KEY)),
          Map.entry("processDefinitionKey", new Search.Field("definition_key", Search.Type.KEY)),
          Map.entry("processDefinitionId", new Search.Field("bpmn_process_id", Search.Type.STRING)),
          Map.entry("elementId", new Search.Field("element_id", Search.Type.STRING)),
          Map.entry("elementName", new Search.Field("element_name", Search.Type.STRING)),
          Map.entry("elementInstanceScopeKey", new Search.Field("flow_scope_key", Search.Type.KEY)),
          Map.entry("type", new Search.Field("element_type", Search.Type.STRING)),
          Map.entry("state", new Search.Field(STATE, Search.Type.STRING)),
          Map.entry("hasIncident", new Search.Field("(incident_key IS NOT NULL)", Search.Type.BOOLEAN)),
          Map.entry("incidentKey", new Search.Field("incident_key", Search.Type.KEY)),
          Map.entry("startDate", new Search.Field("start_date", Search.Type.DATE)),
          Map.entry("endDate", new Search.Field("end_date", Search.Type.DATE))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("elementInstanceKey", Search.key(rs, "element_instance_key"));
        item.put("processInstanceKey", Search.key(rs, "process_instance_key"));
        item.put("processDefinitionKey", Search.key(rs, "definition_key"));
        item.put("processDefinitionId", rs.getString("bpmn_process_id"));
        item.put("elementId", rs.getString("element_id"));
        item.put("elementName", rs.getString("element_name"));
        item.put("type", rs.getString("element_type"));
        String state = rs.getString("state");
        item.put("state", "COMPLETED".equals(state) || "TERMINATED".equals(state) ? state : "ACTIVE");
        item.put("hasIncident", Search.key(rs, "incident_key") != null);
        item.put("incidentKey", Search.key(rs, "incident_key"));
        item.put("startDate", Search.date(rs.getLong("start_date")));
        item.put("endDate", Search.date(rs.getLong("end_date")));
        item.put("tenantId", TENANT);
        return item;
      });

  static final Search PROCESS_DEFINITIONS = new Search("process definition", "processDefinitionKey",
      "definition_key, bpmn_process_id, version, name, resource_name", "process_definition",
      Map.ofEntries(
          Map.entry("processDefinitionKey", new Search.Field("definition_key", Search.Type.KEY)),
          Map.entry("processDefinitionId", new Search.Field("bpmn_process_id", Search.Type.STRING)),
          Map.entry("name", new Search.Field("name", Search.Type.STRING)),
          Map.entry("resourceName", new Search.Field("resource_name", Search.Type.STRING)),
          Map.entry("version", new Search.Field("version", Search.Type.INT)),
          Map.entry("isLatestVersion", new Search.Field(LATEST, Search.Type.BOOLEAN))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("processDefinitionKey", Search.key(rs, "definition_key"));
        item.put("processDefinitionId", rs.getString("bpmn_process_id"));
        item.put("name", rs.getString("name"));
        item.put("resourceName", rs.getString("resource_name"));
        item.put("version", rs.getInt("version"));
        item.put("tenantId", TENANT);
        item.put("hasStartForm", false);
        return item;
      });

  /** Resources by the path segment the API names them with. */
  static final Map<String, Search> BY_PATH = Map.of(
      "process-instances", PROCESS_INSTANCES,
      "jobs", JOBS,
      "incidents", INCIDENTS,
      "variables", VARIABLES,
      "element-instances", ELEMENT_INSTANCES,
      "process-definitions", PROCESS_DEFINITIONS,
      "message-subscriptions", MessageSubscriptions.SEARCH,
      "user-tasks", UserTaskReadModel.SEARCH);

  private ReadModels() {}
}
