package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Rejection;

@RestController
@RequestMapping("/v2/process-definitions")
class ProcessDefinitionController {
  private static final String LATEST = "(version = (SELECT MAX(l.version) FROM process_definition l"
      + " WHERE l.bpmn_process_id = process_definition.bpmn_process_id))";

  private static final Search SEARCH = new Search(
      "definition_key, bpmn_process_id, version, name, resource_name", "process_definition",
      Map.ofEntries(
          Map.entry("processDefinitionKey", new Search.Field("definition_key", Search.Type.KEY)),
          Map.entry("processDefinitionId", new Search.Field("bpmn_process_id", Search.Type.STRING)),
          Map.entry("name", new Search.Field("name", Search.Type.STRING)),
          Map.entry("resourceName", new Search.Field("resource_name", Search.Type.STRING)),
          Map.entry("version", new Search.Field("version", Search.Type.INT)),
          Map.entry("isLatestVersion", new Search.Field(LATEST, Search.Type.BOOLEAN))),
      "definition_key",
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

  private final JdbcTemplate jdbc;

  ProcessDefinitionController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/search")
  Map<String, Object> search(@RequestBody(required = false) JsonNode query) {
    return SEARCH.run(jdbc, query);
  }

  @GetMapping("/{key}")
  Map<String, Object> get(@PathVariable String key) {
    return Searches.single(SEARCH, jdbc, "processDefinitionKey", Keys.parse(key, "processDefinitionKey"),
        "process definition");
  }

  @GetMapping("/{key}/xml")
  ResponseEntity<String> xml(@PathVariable String key) {
    long definitionKey = Keys.parse(key, "processDefinitionKey");
    List<String> xml = jdbc.queryForList("SELECT resource FROM process_definition WHERE definition_key = ?",
        String.class, definitionKey);
    if (xml.isEmpty()) {
      throw Rejection.notFound("no process definition found with key " + definitionKey);
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml.get(0));
  }
}
