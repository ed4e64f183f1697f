package org.tsumugi.engine.decision;

import java.util.List;

/**
 * What evaluating a decision found, decision by decision (required decisions first, the called one
 * last): the inputs each table saw, the rules that matched and what they produced. Values are
 * JSON-shaped Java values. A failed evaluation has a failure message and names the decision that failed.
 */
public record Evaluation(List<EvaluatedDecision> decisions, Object output, String failure, String failedDecisionId) {

  public boolean failed() {
    return failure != null;
  }

  /** What failed, naming the decision and dmn-scala's reason, e.g. a UNIQUE table with two matching rules. */
  public String describeFailure(String calledDecisionId) {
    List<String> matched = decisions.stream().filter(EvaluatedDecision::failed)
        .flatMap(decision -> decision.rules().stream()).map(Rule::id).toList();
    return "failed to evaluate decision '" + failedDecisionId + "'"
        + (failedDecisionId.equals(calledDecisionId) ? "" : " (required by '" + calledDecisionId + "')")
        + ": " + failure + (matched.isEmpty() ? "" : " (matched rules: " + String.join(", ", matched) + ")");
  }

  /** Failed: the decision whose evaluation failed, with what it saw up to then (e.g. the rules that all matched). */
  public record EvaluatedDecision(String decisionId, String name, String type, List<Input> inputs, List<Rule> rules,
      Object output, boolean failed) {}

  public record Input(String id, String name, Object value) {}

  /** A matched rule; its index counts from 1 in the order of the table. */
  public record Rule(String id, int index, List<Output> outputs) {}

  public record Output(String id, String name, Object value) {}
}
