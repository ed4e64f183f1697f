package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v2/element-instances")
class ElementInstanceController {
  private static final String STATE = "(CASE WHEN state IN ('COMPLETED', 'TERMINATED') THEN state ELSE 'ACTIVE' END)";

  private static final Search SEARCH = new Search("*", "element_instance",
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
      "element_instance_key",
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

  private final JdbcTemplate jdbc;

  ElementInstanceController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/search")
  Map<String, Object> search(@RequestBody(required = false) JsonNode query) {
    return SEARCH.run(jdbc, query);
  }

  @GetMapping("/{key}")
  Map<String, Object> get(@PathVariable String key) {
    return Searches.single(SEARCH, jdbc, "elementInstanceKey", Keys.parse(key, "elementInstanceKey"),
        "element instance");
  }
}
