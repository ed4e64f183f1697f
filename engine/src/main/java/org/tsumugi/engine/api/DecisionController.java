package org.tsumugi.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.decision.Evaluation;
import org.tsumugi.engine.decision.RecordedEvaluation;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

/**
 * Evaluating decisions, their XML, and one decision instance with its inputs and matched rules. Decision
 * instances carry variable values (patient data): they are served only here, through the API.
 */
@RestController
class DecisionController {
  private final CommandProcessor engine;
  private final JdbcTemplate jdbc;

  DecisionController(CommandProcessor engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** A failed evaluation is recorded (state FAILED) and answered with 400 naming the decision and problem. */
  @PostMapping("/v2/decision-definitions/evaluation")
  EvaluateDecisionResult evaluate(@RequestBody DecisionEvaluationInstruction request) {
    long key = request.getDecisionDefinitionKey() == null ? 0
        : Keys.parse(request.getDecisionDefinitionKey(), "decisionDefinitionKey");
    Map<String, Object> variables = request.getVariables() == null ? new HashMap<>() : request.getVariables();
    RecordedEvaluation recorded = (RecordedEvaluation) engine.submit(
        new Command.EvaluateDecision(request.getDecisionDefinitionId(), key, variables)).join();
    Evaluation evaluation = recorded.evaluation();
    if (evaluation.failed()) {
      throw Rejection.invalidArgument(evaluation.describeFailure(recorded.decision().decisionId()));
    }
    return DecisionResults.evaluated(recorded);
  }

  @GetMapping("/v2/decision-definitions/{key}/xml")
  ResponseEntity<String> decisionXml(@PathVariable String key) {
    long decisionKey = Keys.parse(key, "decisionDefinitionKey");
    return xml(jdbc.queryForList("SELECT r.resource FROM decision_definition d JOIN decision_requirements r"
        + " ON r.drg_key = d.drg_key WHERE d.decision_key = ?", String.class, decisionKey),
        "no decision definition found with key " + decisionKey);
  }

  @GetMapping("/v2/decision-requirements/{key}/xml")
  ResponseEntity<String> requirementsXml(@PathVariable String key) {
    long drgKey = Keys.parse(key, "decisionRequirementsKey");
    return xml(jdbc.queryForList("SELECT resource FROM decision_requirements WHERE drg_key = ?", String.class, drgKey),
        "no decision requirements found with key " + drgKey);
  }

  @GetMapping("/v2/decision-instances/{id}")
  Map<String, Object> decisionInstance(@PathVariable String id) {
    List<Map<String, Object>> found = jdbc.query("SELECT * FROM decision_instance WHERE instance_id = ?", (rs, n) -> {
      Map<String, Object> item = DecisionReadModels.decisionInstance(rs);
      item.put("evaluatedInputs", DecisionResults.read(rs.getString("evaluated_inputs"), JSON_NODE));
      item.put("matchedRules", DecisionResults.read(rs.getString("matched_rules"), JSON_NODE));
      return item;
    }, id);
    if (found.isEmpty()) {
      throw Rejection.notFound("no decision instance found with key '" + id + "'");
    }
    return found.get(0);
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<JsonNode> JSON_NODE =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private static ResponseEntity<String> xml(List<String> found, String notFound) {
    if (found.isEmpty()) {
      throw Rejection.notFound(notFound);
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(found.get(0));
  }
}
