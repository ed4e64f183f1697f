package org.tsumugi.engine.processing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.state.ElementInstance;

/** Tasks the engine does itself, without a worker: FEEL script tasks and business rule tasks calling a decision. */
final class EngineTasks {
  private final BpmnExecutor executor;
  private final FeelEngine feel;
  private final Incidents incidents;
  private final DecisionCalls decisions;

  EngineTasks(BpmnExecutor executor, FeelEngine feel, Incidents incidents, DecisionCalls decisions) {
    this.executor = executor;
    this.feel = feel;
    this.incidents = incidents;
    this.decisions = decisions;
  }

  void runScript(ElementInstance instance, ElementModel element) {
    Object result;
    try {
      result = element.script().evaluate(feel, executor.variables().visible(instance));
    } catch (ExpressionException e) {
      incidents.activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    executor.activated(instance);
    Map<String, Object> output = new LinkedHashMap<>();
    if (element.resultVariable() != null && !element.resultVariable().isBlank()) {
      output.put(element.resultVariable(), result);
    }
    executor.complete(instance, output, null);
  }

  /** Evaluated at once, without a job; the result variable then goes through the output mappings. */
  void callDecision(ElementInstance instance, ElementModel element) {
    DecisionCalls.Outcome outcome = decisions.call(instance, element, executor.variables().visible(instance));
    if (outcome.incidentType() != null) {
      incidents.activationFailed(instance, outcome.incidentType(), outcome.message());
      return;
    }
    executor.activated(instance);
    executor.complete(instance, outcome.variables(), null);
  }
}
