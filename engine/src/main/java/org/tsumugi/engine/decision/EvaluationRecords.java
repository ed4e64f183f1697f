package org.tsumugi.engine.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an evaluation into decision instance records: one per evaluated decision, numbered within the
 * evaluation as the REST API does ("key-1", "key-2", ...), plus a FAILED one for the decision that failed.
 */
public final class EvaluationRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FAILURE = 4000;

  /** Where an evaluation happened: a business rule task, or nowhere (the evaluation endpoint). */
  public record Origin(long processDefinitionKey, long processInstanceKey, long elementInstanceKey, String elementId) {
    public static final Origin API = new Origin(0, 0, 0, null);
  }

  private EvaluationRecords() {}

  public static List<DecisionInstanceRecord> of(long evaluationKey, DecisionRequirements drg,
      DecisionDefinition called, Evaluation evaluation, Origin origin, long now, DecisionState decisions) {
    String failure = evaluation.failed() && evaluation.failure().length() > MAX_FAILURE
        ? evaluation.failure().substring(0, MAX_FAILURE) : evaluation.failure();
    List<DecisionInstanceRecord> records = new ArrayList<>();
    boolean failureRecorded = false;
    for (Evaluation.EvaluatedDecision evaluated : evaluation.decisions()) {
      DecisionDefinition definition = definition(decisions, evaluated.decisionId(), drg, called);
      failureRecorded |= evaluated.failed();
      records.add(new DecisionInstanceRecord(evaluationKey + "-" + (records.size() + 1), evaluationKey, definition,
          evaluated.failed(), now, evaluated.failed() ? failure : null, origin.processDefinitionKey(),
          origin.processInstanceKey(), origin.elementInstanceKey(), origin.elementId(), inputs(evaluated.inputs()),
          rules(evaluated.rules()), evaluated.failed() ? null : json(evaluated.output())));
    }
    if (evaluation.failed() && !failureRecorded) {
      records.add(new DecisionInstanceRecord(evaluationKey + "-" + (records.size() + 1), evaluationKey,
          definition(decisions, evaluation.failedDecisionId(), drg, called), true, now, failure,
          origin.processDefinitionKey(), origin.processInstanceKey(), origin.elementInstanceKey(), origin.elementId(),
          "[]", "[]", null));
    }
    return records;
  }

  /** A value as the REST API carries it: JSON text. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("decision values are JSON-shaped", e);
    }
  }

  private static DecisionDefinition definition(DecisionState decisions, String decisionId, DecisionRequirements drg,
      DecisionDefinition called) {
    DecisionDefinition definition = decisions.decisionOfDrg(decisionId, drg.key());
    return definition == null ? called : definition;
  }

  private static String inputs(List<Evaluation.Input> inputs) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Evaluation.Input input : inputs) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("inputId", input.id());
      item.put("inputName", input.name());
      item.put("inputValue", json(input.value()));
      items.add(item);
    }
    return json(items);
  }

  private static String rules(List<Evaluation.Rule> rules) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Evaluation.Rule rule : rules) {
      List<Map<String, Object>> outputs = new ArrayList<>();
      for (Evaluation.Output output : rule.outputs()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("outputId", output.id());
        item.put("outputName", output.name());
        item.put("outputValue", json(output.value()));
        outputs.add(item);
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("ruleId", rule.id());
      item.put("ruleIndex", rule.index());
      item.put("evaluatedOutputs", outputs);
      items.add(item);
    }
    return json(items);
  }
}
