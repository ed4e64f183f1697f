package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Searches over deployed decisions, their graphs and the decision instances (evaluations). */
final class DecisionReadModels {
  static final Search DECISION_DEFINITIONS = new Search("decision definition", "decisionDefinitionKey",
      "*", "decision_definition",
      Map.ofEntries(
          Map.entry("decisionDefinitionKey", new Search.Field("decision_key", Search.Type.KEY)),
          Map.entry("decisionDefinitionId", new Search.Field("decision_id", Search.Type.STRING)),
          Map.entry("name", new Search.Field("name", Search.Type.STRING)),
          Map.entry("version", new Search.Field("version", Search.Type.INT)),
          Map.entry("decisionRequirementsId", new Search.Field("drg_id", Search.Type.STRING)),
          Map.entry("decisionRequirementsKey", new Search.Field("drg_key", Search.Type.KEY))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("decisionDefinitionKey", Search.key(rs, "decision_key"));
        item.put("decisionDefinitionId", rs.getString("decision_id"));
        item.put("name", rs.getString("name"));
        item.put("version", rs.getInt("version"));
        item.put("decisionRequirementsId", rs.getString("drg_id"));
        item.put("decisionRequirementsKey", Search.key(rs, "drg_key"));
        item.put("tenantId", TENANT);
        return item;
      });

  static final Search DECISION_REQUIREMENTS = new Search("decision requirements", "decisionRequirementsKey",
      "drg_key, drg_id, name, version, resource_name", "decision_requirements",
      Map.ofEntries(
          Map.entry("decisionRequirementsKey", new Search.Field("drg_key", Search.Type.KEY)),
          Map.entry("decisionRequirementsId", new Search.Field("drg_id", Search.Type.STRING)),
          Map.entry("decisionRequirementsName", new Search.Field("name", Search.Type.STRING)),
          Map.entry("version", new Search.Field("version", Search.Type.INT)),
          Map.entry("resourceName", new Search.Field("resource_name", Search.Type.STRING))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("decisionRequirementsKey", Search.key(rs, "drg_key"));
        item.put("decisionRequirementsId", rs.getString("drg_id"));
        item.put("decisionRequirementsName", rs.getString("name"));
        item.put("version", rs.getInt("version"));
        item.put("resourceName", rs.getString("resource_name"));
        item.put("tenantId", TENANT);
        return item;
      });

  /** Searches leave out inputs and matched rules (as in Camunda); getting one instance adds them. */
  static final Search DECISION_INSTANCES = new Search("decision instance", "decisionEvaluationInstanceKey",
      "instance_id, evaluation_key, decision_key, decision_id, decision_name, decision_version, decision_type, state,"
          + " evaluation_date, evaluation_failure, process_definition_key, process_instance_key, element_instance_key,"
          + " result", "decision_instance",
      Map.ofEntries(
          Map.entry("decisionEvaluationInstanceKey", new Search.Field("instance_id", Search.Type.STRING)),
          Map.entry("decisionEvaluationKey", new Search.Field("evaluation_key", Search.Type.KEY)),
          Map.entry("state", new Search.Field("state", Search.Type.STRING)),
          Map.entry("evaluationFailure", new Search.Field("evaluation_failure", Search.Type.STRING)),
          Map.entry("evaluationDate", new Search.Field("evaluation_date", Search.Type.DATE)),
          Map.entry("processDefinitionKey", new Search.Field("process_definition_key", Search.Type.KEY)),
          Map.entry("processInstanceKey", new Search.Field("process_instance_key", Search.Type.KEY)),
          Map.entry("elementInstanceKey", new Search.Field("element_instance_key", Search.Type.KEY)),
          Map.entry("decisionDefinitionKey", new Search.Field("decision_key", Search.Type.KEY)),
          Map.entry("decisionDefinitionId", new Search.Field("decision_id", Search.Type.STRING)),
          Map.entry("decisionDefinitionName", new Search.Field("decision_name", Search.Type.STRING)),
          Map.entry("decisionDefinitionVersion", new Search.Field("decision_version", Search.Type.INT)),
          Map.entry("decisionDefinitionType", new Search.Field("decision_type", Search.Type.STRING))),
      DecisionReadModels::decisionInstance);

  static final Map<String, Search> BY_PATH = Map.of(
      "decision-definitions", DECISION_DEFINITIONS,
      "decision-requirements", DECISION_REQUIREMENTS,
      "decision-instances", DECISION_INSTANCES);

  private DecisionReadModels() {}

  static Map<String, Object> decisionInstance(ResultSet rs) throws SQLException {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("decisionEvaluationInstanceKey", rs.getString("instance_id"));
    item.put("state", rs.getString("state"));
    item.put("evaluationDate", Search.date(rs.getLong("evaluation_date")));
    item.put("evaluationFailure", rs.getString("evaluation_failure"));
    item.put("decisionDefinitionId", rs.getString("decision_id"));
    item.put("decisionDefinitionName", rs.getString("decision_name"));
    item.put("decisionDefinitionVersion", rs.getInt("decision_version"));
    item.put("decisionDefinitionType", rs.getString("decision_type"));
    item.put("result", rs.getString("result"));
    item.put("tenantId", TENANT);
    item.put("decisionEvaluationKey", Search.key(rs, "evaluation_key"));
    // the official client reads these as numbers; Zeebe answers -1 for evaluations outside a process
    item.put("processDefinitionKey", orMinusOne(Search.key(rs, "process_definition_key")));
    item.put("processInstanceKey", orMinusOne(Search.key(rs, "process_instance_key")));
    item.put("elementInstanceKey", orMinusOne(Search.key(rs, "element_instance_key")));
    item.put("decisionDefinitionKey", Search.key(rs, "decision_key"));
    return item;
  }

  private static String orMinusOne(String key) {
    return key == null ? "-1" : key;
  }
}
