package org.tsumugi.engine.processing;

import java.util.HashMap;
import java.util.Map;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.CalledElement;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.ProcessDefinition;

/**
 * Call activities start an instance of another process and wait for it. Variables cross as in Camunda
 * 8: into the child, all variables the call activity sees (or only its input mappings); back out, all
 * of the child's variables (or only the output mappings). Cancelling and error propagation between
 * the two instances are part of the executor's termination and error paths.
 */
final class CallActivities {
  private final BpmnExecutor executor;
  private final EngineState state;
  private final FeelEngine feel;
  private final Variables variables;

  CallActivities(BpmnExecutor executor, EngineState state, FeelEngine feel, Variables variables) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.variables = variables;
  }

  void activate(ElementInstance instance, ElementModel element) {
    CalledElement called = element.calledElement();
    ProcessDefinition definition;
    try {
      String processId = BpmnExecutor.asText(called.processId().evaluate(feel, variables.visible(instance)),
          "called process id", element);
      definition = find(processId, called, state.definition(instance.processDefinitionKey));
      if (definition == null) {
        executor.incidents().activationFailed(instance, "CALLED_ELEMENT_ERROR", "call activity '" + element.id()
            + "' cannot start process '" + processId + "'" + binding(called)
            + ": no such process is deployed; deploy it, then resolve the incident");
        return;
      }
    } catch (ExpressionException e) {
      executor.incidents().activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    Map<String, Object> childVariables = called.propagateAllParentVariables() ? variables.visible(instance)
        : new HashMap<>();
    if (!called.propagateAllParentVariables()) {
      state.variables(instance.key).forEach((name, variable) -> childVariables.put(name, variable.value));
    }
    executor.activated(instance);
    executor.createProcessInstance(definition, childVariables, instance);
  }

  /** A called process completed: its call activity completes with the child's variables. */
  void calledProcessCompleted(ElementInstance root, Map<String, Object> result) {
    ElementInstance callActivity = root.parentElementInstanceKey == 0 ? null
        : state.elementInstance(root.parentElementInstanceKey);
    if (callActivity == null) {
      return;
    }
    callActivity.calledInstanceKey = 0;
    ElementModel element = executor.model(callActivity);
    if (!element.outputs().isEmpty()) {
      // output mappings read the child's variables from the call activity's own scope, and only they go further
      variables.setLocal(callActivity, result);
      executor.complete(callActivity, null, null);
    } else {
      executor.complete(callActivity, element.calledElement().propagateAllChildVariables() ? result : null, null);
    }
  }

  private ProcessDefinition find(String processId, CalledElement called, ProcessDefinition caller) {
    return switch (called.binding()) {
      case LATEST -> state.latestDefinition(processId);
      case DEPLOYMENT -> state.definitions(processId).stream()
          .filter(definition -> definition.deploymentKey == caller.deploymentKey).findFirst().orElse(null);
      case VERSION_TAG -> state.definitions(processId).stream()
          .filter(definition -> called.versionTag().equals(definition.model.root().versionTag()))
          .reduce((older, newer) -> newer).orElse(null);
    };
  }

  private static String binding(CalledElement called) {
    return switch (called.binding()) {
      case LATEST -> "";
      case DEPLOYMENT -> " from the caller's deployment";
      case VERSION_TAG -> " with version tag '" + called.versionTag() + "'";
    };
  }
}
