package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

/**
 * What a tasklist does with one user task. Search and get-by-key are in {@link QueryController}.
 * Requests act as the system until the API authenticates users.
 */
@RestController
@RequestMapping("/v2/user-tasks/{key}")
class UserTaskController {
  private final CommandProcessor engine;
  private final JdbcTemplate jdbc;

  UserTaskController(CommandProcessor engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @PostMapping("/completion")
  ResponseEntity<Void> complete(@PathVariable String key,
      @RequestBody(required = false) UserTaskCompletionRequest request) {
    long taskKey = Keys.parse(key, "userTaskKey");
    return submit(taskKey, new Command.CompleteUserTask(taskKey, request == null ? null : request.getVariables(),
        request == null ? null : request.getAction(), null));
  }

  @PostMapping("/assignment")
  ResponseEntity<Void> assign(@PathVariable String key, @RequestBody UserTaskAssignmentRequest request) {
    long taskKey = Keys.parse(key, "userTaskKey");
    return submit(taskKey, new Command.AssignUserTask(taskKey, request.getAssignee(),
        !Boolean.FALSE.equals(request.getAllowOverride()), request.getAction(), null));
  }

  @DeleteMapping("/assignee")
  ResponseEntity<Void> unassign(@PathVariable String key) {
    long taskKey = Keys.parse(key, "userTaskKey");
    return submit(taskKey, new Command.UnassignUserTask(taskKey, null, null));
  }

  /** Read as a tree: the client's Changeset model is a map, which would not fill its typed fields. */
  @PatchMapping
  ResponseEntity<Void> update(@PathVariable String key, @RequestBody(required = false) JsonNode request) {
    long taskKey = Keys.parse(key, "userTaskKey");
    JsonNode changes = request == null ? JsonNodeFactory.instance.objectNode() : request.path("changeset");
    Integer priority = null;
    if (present(changes, "priority")) {
      if (!changes.get("priority").canConvertToInt()) {
        throw Rejection.invalidArgument("changeset.priority must be a whole number from 0 to 100");
      }
      priority = changes.get("priority").asInt();
    }
    return submit(taskKey, new Command.UpdateUserTask(taskKey, text(changes, "dueDate"),
        text(changes, "followUpDate"), names(changes, "candidateGroups"), names(changes, "candidateUsers"), priority,
        request == null ? null : text(request, "action")));
  }

  @GetMapping("/form")
  ResponseEntity<FormResult> form(@PathVariable String key) {
    long taskKey = Keys.parse(key, "userTaskKey");
    List<Long> formKeys = jdbc.queryForList("SELECT form_key FROM user_task WHERE user_task_key = ?", Long.class,
        taskKey);
    if (formKeys.isEmpty()) {
      throw Rejection.notFound("no user task found with key " + taskKey);
    }
    if (formKeys.get(0) == null) {
      return ResponseEntity.noContent().build();
    }
    return ResponseEntity.ok(jdbc.queryForObject("SELECT form_key, form_id, version, form_schema"
        + " FROM form_definition WHERE form_key = ?", (rs, n) -> new FormResult()
            .formKey(Search.key(rs, "form_key")).formId(rs.getString("form_id")).version(rs.getLong("version"))
            .schema(rs.getString("form_schema")).tenantId(TENANT), formKeys.get(0)));
  }

  /**
   * The variables the task sees: those of its element and of every scope around it, an inner one
   * hiding an outer one of the same name.
   */
  @PostMapping("/variables/search")
  Map<String, Object> variables(@PathVariable String key, @RequestBody(required = false) JsonNode request) {
    long taskKey = Keys.parse(key, "userTaskKey");
    List<Long> elements = jdbc.queryForList("SELECT element_instance_key FROM user_task WHERE user_task_key = ?",
        Long.class, taskKey);
    if (elements.isEmpty()) {
      throw Rejection.notFound("no user task found with key " + taskKey);
    }
    ObjectNode query = request != null && request.isObject() ? ((ObjectNode) request).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    JsonNode given = query.path("filter");
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    if (given.isObject()) {
      given.fields().forEachRemaining(entry -> {
        if (!entry.getKey().equals("name")) {
          throw Rejection.invalidArgument("filtering the variables of a user task by '" + entry.getKey()
              + "' is not supported; supported: name");
        }
        filter.set("name", entry.getValue());
      });
    }
    ArrayNode visible = filter.putObject("variableKey").putArray("$in");
    visibleVariables(scopesFrom(elements.get(0))).forEach(variable -> visible.add(Long.toString(variable)));
    if (visible.isEmpty()) {
      visible.add("0"); // no variable has key 0: an empty page, where an empty $in would not filter
    }
    query.set("filter", filter);
    return ReadModels.VARIABLES.run(jdbc, query);
  }

  /** Per name, the variable of the innermost scope: the one the task sees. */
  private List<Long> visibleVariables(List<Long> scopes) {
    String marks = String.join(",", Collections.nCopies(scopes.size(), "?"));
    Map<String, long[]> nearest = new HashMap<>(); // name -> {variable key, scope depth}
    jdbc.query("SELECT variable_key, name, scope_key FROM variable WHERE scope_key IN (" + marks + ")", rs -> {
      int depth = scopes.indexOf(rs.getLong(3));
      long[] seen = nearest.get(rs.getString(2));
      if (seen == null || depth < seen[1]) {
        nearest.put(rs.getString(2), new long[] {rs.getLong(1), depth});
      }
    }, scopes.toArray());
    return nearest.values().stream().map(entry -> entry[0]).toList();
  }

  private List<Long> scopesFrom(long elementInstanceKey) {
    List<Long> scopes = new ArrayList<>();
    long current = elementInstanceKey;
    while (current > 0 && scopes.size() < 1_000) {
      scopes.add(current);
      List<Long> parent = jdbc.queryForList("SELECT flow_scope_key FROM element_instance"
          + " WHERE element_instance_key = ?", Long.class, current);
      current = parent.isEmpty() ? -1 : parent.get(0);
    }
    return scopes;
  }

  /** A task that is no longer open answers 404, as in Camunda 8, with the state it ended in. */
  private ResponseEntity<Void> submit(long taskKey, Command command) {
    try {
      return JobController.noContent(engine.submit(command));
    } catch (CompletionException e) {
      if (e.getCause() instanceof Rejection rejection && rejection.status() == 404) {
        List<String> states = jdbc.queryForList("SELECT state FROM user_task WHERE user_task_key = ?", String.class,
            taskKey);
        if (!states.isEmpty()) {
          throw Rejection.notFound("user task " + taskKey + " is " + states.get(0) + " and can no longer be changed");
        }
      }
      throw e;
    }
  }

  private static boolean present(JsonNode node, String field) {
    return node.hasNonNull(field);
  }

  private static String text(JsonNode node, String field) {
    return present(node, field) ? node.get(field).asText() : null;
  }

  private static List<String> names(JsonNode node, String field) {
    if (!present(node, field)) {
      return null;
    }
    if (!node.get(field).isArray()) {
      throw Rejection.invalidArgument("changeset." + field + " must be a list of names");
    }
    List<String> names = new ArrayList<>();
    node.get(field).forEach(name -> names.add(name.asText()));
    return names;
  }
}
