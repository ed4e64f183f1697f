package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.engine.processing.Results.AwaitedInstance;
import org.tsumugi.engine.processing.Results.CreatedInstance;

@RestController
@RequestMapping("/v2/process-instances")
class ProcessInstanceController {
  /** Used when a create-with-result request names no timeout. */
  private static final long DEFAULT_AWAIT_MILLIS = 15_000;

  private static final Search SEARCH = new Search(
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
          Map.entry("hasIncident", new Search.Field("(p.open_incidents > 0)", Search.Type.BOOLEAN))),
      "p.process_instance_key",
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
        item.put("tenantId", TENANT);
        item.put("tags", List.of());
        return item;
      });

  private final CommandProcessor engine;
  private final JdbcTemplate jdbc;

  ProcessInstanceController(CommandProcessor engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @PostMapping
  CompletableFuture<CreateProcessInstanceResult> create(@RequestBody ProcessInstanceCreationInstruction request) {
    long definitionKey = request.getProcessDefinitionKey() == null ? 0
        : Keys.parse(request.getProcessDefinitionKey(), "processDefinitionKey");
    int version = request.getProcessDefinitionVersion() == null ? -1 : request.getProcessDefinitionVersion();
    boolean await = Boolean.TRUE.equals(request.getAwaitCompletion());
    Map<String, Object> variables = request.getVariables() == null ? new HashMap<>() : request.getVariables();
    Command.CreateInstance command = new Command.CreateInstance(request.getProcessDefinitionId(), version,
        definitionKey, variables, await, request.getFetchVariables());
    CompletableFuture<Object> submitted = engine.submit(command);
    if (!await) {
      return submitted.thenApply(created -> result((CreatedInstance) created, null));
    }
    long timeout = request.getRequestTimeout() == null || request.getRequestTimeout() <= 0 ? DEFAULT_AWAIT_MILLIS
        : request.getRequestTimeout();
    return submitted.thenCompose(outcome -> {
      AwaitedInstance awaited = (AwaitedInstance) outcome;
      return awaited.completion().orTimeout(timeout, TimeUnit.MILLISECONDS)
          .exceptionally(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
              throw Rejection.timeout("process instance " + awaited.created().processInstanceKey()
                  + " did not complete within " + timeout + " ms");
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
          })
          .thenApply(variables1 -> result(awaited.created(), variables1));
    });
  }

  private static CreateProcessInstanceResult result(CreatedInstance created, Map<String, Object> variables) {
    return new CreateProcessInstanceResult().processInstanceKey(Keys.format(created.processInstanceKey()))
        .processDefinitionKey(Keys.format(created.definitionKey())).processDefinitionId(created.bpmnProcessId())
        .processDefinitionVersion(created.version()).tenantId(TENANT).variables(variables == null ? Map.of() : variables)
        .tags(Set.of());
  }

  @PostMapping("/{key}/cancellation")
  CompletableFuture<ResponseEntity<Void>> cancel(@PathVariable String key) {
    return engine.submit(new Command.CancelInstance(Keys.parse(key, "processInstanceKey")))
        .thenApply(done -> ResponseEntity.noContent().build());
  }

  @GetMapping("/{key}")
  Map<String, Object> get(@PathVariable String key) {
    return Searches.single(SEARCH, jdbc, "processInstanceKey", Keys.parse(key, "processInstanceKey"),
        "process instance");
  }

  @PostMapping("/search")
  Map<String, Object> search(@RequestBody(required = false) JsonNode query) {
    return SEARCH.run(jdbc, query);
  }
}
