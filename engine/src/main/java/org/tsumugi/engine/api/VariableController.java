package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.SetVariableRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

@RestController
class VariableController {
  private static final Search SEARCH = new Search("*", "variable",
      Map.ofEntries(
          Map.entry("variableKey", new Search.Field("variable_key", Search.Type.KEY)),
          Map.entry("scopeKey", new Search.Field("scope_key", Search.Type.KEY)),
          Map.entry("processInstanceKey", new Search.Field("process_instance_key", Search.Type.KEY)),
          Map.entry("name", new Search.Field("name", Search.Type.STRING)),
          Map.entry("value", new Search.Field("var_value", Search.Type.STRING))),
      "variable_key",
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

  private final CommandProcessor engine;
  private final JdbcTemplate jdbc;

  VariableController(CommandProcessor engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @PostMapping("/v2/variables/search")
  Map<String, Object> search(@RequestBody(required = false) JsonNode query) {
    return SEARCH.run(jdbc, query);
  }

  @GetMapping("/v2/variables/{key}")
  Map<String, Object> get(@PathVariable String key) {
    return Searches.single(SEARCH, jdbc, "variableKey", Keys.parse(key, "variableKey"), "variable");
  }

  @PutMapping("/v2/element-instances/{key}/variables")
  CompletableFuture<ResponseEntity<Void>> set(@PathVariable String key, @RequestBody SetVariableRequest request) {
    if (request.getVariables() == null) {
      throw Rejection.invalidArgument("variables must be a JSON object");
    }
    return JobController.noContent(engine.submit(new Command.SetVariables(Keys.parse(key, "elementInstanceKey"),
        request.getVariables(), Boolean.TRUE.equals(request.getLocal()))));
  }
}
