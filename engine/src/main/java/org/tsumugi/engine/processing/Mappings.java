package org.tsumugi.engine.processing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.Mapping;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.Incident;

/**
 * {@code zeebe:ioMapping}: input mappings make local variables of an element as it activates; output mappings
 * replace the propagation of its variables as it completes. A mapping that fails to evaluate is an incident.
 */
final class Mappings {
  private final BpmnExecutor executor;
  private final EngineState state;
  private final FeelEngine feel;
  private final Variables variables;
  private final Incidents incidents;

  Mappings(BpmnExecutor executor, EngineState state, FeelEngine feel, Variables variables, Incidents incidents) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  /** False when a mapping failed (an incident says which). */
  boolean applyInputs(ElementInstance instance, ElementModel element) {
    if (element.inputs().isEmpty()) {
      return true;
    }
    ElementInstance scope = executor.parent(instance);
    Map<String, Object> context = instance.isRoot() ? new HashMap<>() : variables.visible(scope);
    if (!instance.isRoot() && MultiInstance.isBodyOf(scope, element)) {
      // the input element and loop counter are the inner instance's own, set before its mappings run
      state.variables(instance.key).forEach((name, variable) -> context.put(name, variable.value));
    }
    Map<String, Object> locals = new LinkedHashMap<>();
    try {
      for (Mapping input : element.inputs()) {
        Object value = input.source().evaluate(feel, context);
        Variables.assign(locals, input.target(), value);
        context.putAll(locals);
      }
    } catch (ExpressionException e) {
      incidents.activationFailed(instance, "IO_MAPPING_ERROR", e.getMessage());
      return false;
    }
    variables.setLocal(instance, locals);
    return true;
  }

  /** False when a mapping failed (an incident says which; resolving it completes the element again). */
  boolean applyOutputs(ElementInstance instance, ElementModel element) {
    if (element.outputs().isEmpty()) {
      return true;
    }
    Map<String, Object> context = variables.visible(instance);
    ElementInstance scope = executor.parent(instance);
    Map<String, Object> outer = scope == null ? new HashMap<>() : variables.visible(scope);
    Map<String, Object> results = new LinkedHashMap<>();
    try {
      for (Mapping output : element.outputs()) {
        Object value = output.source().evaluate(feel, context);
        String head = output.target().split("\\.")[0];
        if (!results.containsKey(head) && outer.containsKey(head)) {
          results.put(head, outer.get(head));
        }
        Variables.assign(results, output.target(), value);
      }
    } catch (ExpressionException e) {
      incidents.raise(instance, "IO_MAPPING_ERROR", e.getMessage(), 0, Incident.Retry.COMPLETE_ELEMENT);
      return false;
    }
    variables.propagate(scope == null ? instance : scope, results);
    return true;
  }
}
