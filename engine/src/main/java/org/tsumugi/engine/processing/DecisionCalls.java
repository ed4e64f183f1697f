package org.tsumugi.engine.processing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.tsumugi.engine.decision.DecisionDefinition;
import org.tsumugi.engine.decision.DecisionInstanceRecord;
import org.tsumugi.engine.decision.DecisionRequirements;
import org.tsumugi.engine.decision.DecisionState;
import org.tsumugi.engine.decision.Dmn;
import org.tsumugi.engine.decision.Evaluation;
import org.tsumugi.engine.decision.EvaluationRecords;
import org.tsumugi.engine.decision.RecordedEvaluation;
import org.tsumugi.engine.decision.EvaluationRecords.Origin;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;

/**
 * Evaluates decisions for business rule tasks and for the evaluation endpoint, and records every
 * evaluation, successful or not, as decision instances (values) and one history line (no values).
 */
final class DecisionCalls {
  /** A business rule task's outcome: the variables to complete with, or the incident to raise. */
  record Outcome(Map<String, Object> variables, String incidentType, String message) {
    static Outcome incident(String type, String message) {
      return new Outcome(null, type, message);
    }
  }

  private final EngineState state;
  private final FeelEngine feel;
  private final LongSupplier clock;
  private final History history;
  private final Dmn dmn;

  DecisionCalls(EngineState state, FeelEngine feel, LongSupplier clock, History history) {
    this.state = state;
    this.feel = feel;
    this.clock = clock;
    this.history = history;
    this.dmn = new Dmn(clock);
  }

  /** The called decision of a business rule task, with the task's variables in scope. */
  Outcome call(ElementInstance instance, ElementModel element, Map<String, Object> context) {
    String decisionId;
    try {
      Object value = element.calledDecisionId().evaluate(feel, context);
      if (!(value instanceof String text) || text.isBlank()) {
        throw new ExpressionException("decision id of '" + element.id() + "' must be a non-empty string, but was '"
            + value + "'");
      }
      decisionId = text;
    } catch (ExpressionException e) {
      return Outcome.incident("EXTRACT_VALUE_ERROR", e.getMessage());
    }
    DecisionDefinition decision = called(decisionId, element, instance);
    if (decision == null) {
      return Outcome.incident("CALLED_DECISION_ERROR", "no decision found with id '" + decisionId + "'"
          + bindingCondition(element) + "; deploy it, then resolve this incident");
    }
    RecordedEvaluation evaluated = evaluate(decision, context, new Origin(instance.processDefinitionKey,
        instance.processInstanceKey, instance.key, instance.elementId));
    Evaluation evaluation = evaluated.evaluation();
    if (evaluation.failed()) {
      return Outcome.incident("DECISION_EVALUATION_ERROR", evaluation.describeFailure(decision.decisionId()));
    }
    Map<String, Object> result = new HashMap<>();
    result.put(element.resultVariable(), evaluation.output());
    return new Outcome(result, null, null);
  }

  /** The version the task's bindingType asks for, or null. */
  private DecisionDefinition called(String decisionId, ElementModel element, ElementInstance instance) {
    DecisionState decisions = state.decisions();
    return switch (element.decisionBinding()) {
      case "deployment" -> decisions.decisionAsOf(decisionId,
          state.definition(instance.processDefinitionKey).deploymentKey);
      case "versionTag" -> decisions.decisionTagged(decisionId, element.decisionVersionTag());
      default -> decisions.latestDecision(decisionId);
    };
  }

  private static String bindingCondition(ElementModel element) {
    return switch (element.decisionBinding()) {
      case "deployment" -> " deployed with this process";
      case "versionTag" -> " and version tag '" + element.decisionVersionTag() + "'";
      default -> "";
    };
  }

  /** For the REST API: by key, or the latest version of an id. */
  RecordedEvaluation evaluate(Command.EvaluateDecision command) {
    DecisionDefinition decision;
    if (command.decisionKey() > 0) {
      decision = state.decisions().decision(command.decisionKey());
      if (decision == null) {
        throw Rejection.notFound("no decision definition found with key " + command.decisionKey());
      }
    } else if (command.decisionId() == null || command.decisionId().isBlank()) {
      throw Rejection.invalidArgument("either decisionDefinitionId or decisionDefinitionKey must be given");
    } else {
      decision = state.decisions().latestDecision(command.decisionId());
      if (decision == null) {
        throw Rejection.notFound("no decision definition found with id '" + command.decisionId() + "'");
      }
    }
    return evaluate(decision, command.variables() == null ? Map.of() : command.variables(), Origin.API);
  }

  private RecordedEvaluation evaluate(DecisionDefinition decision, Map<String, Object> variables, Origin origin) {
    DecisionRequirements drg = state.decisions().drg(decision.drgKey());
    Evaluation evaluation = dmn.evaluate(drg.model(), decision.decisionId(), variables);
    long key = state.nextKey();
    List<DecisionInstanceRecord> records = EvaluationRecords.of(key, drg, decision, evaluation, origin,
        clock.getAsLong(), state.decisions());
    records.forEach(state.decisions()::record);
    DecisionInstanceRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
    history.decisionEvaluated(key, evaluation.failed(), origin.processInstanceKey(), origin.elementId(),
        last == null ? null : last.id(), decision.decisionId());
    return new RecordedEvaluation(key, decision, drg, evaluation, records);
  }
}
