package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;

@RestController
@RequestMapping("/v2/incidents")
class IncidentController {
  private static final Search SEARCH = new Search("*", "incident",
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
      "incident_key",
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

  private final CommandProcessor engine;
  private final JdbcTemplate jdbc;

  IncidentController(CommandProcessor engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @PostMapping("/search")
  Map<String, Object> search(@RequestBody(required = false) JsonNode query) {
    return SEARCH.run(jdbc, query);
  }

  @GetMapping("/{key}")
  Map<String, Object> get(@PathVariable String key) {
    return Searches.single(SEARCH, jdbc, "incidentKey", Keys.parse(key, "incidentKey"), "incident");
  }

  @PostMapping("/{key}/resolution")
  CompletableFuture<ResponseEntity<Void>> resolve(@PathVariable String key) {
    return JobController.noContent(engine.submit(new Command.ResolveIncident(Keys.parse(key, "incidentKey"))));
  }
}
