package org.tsumugi.engine.processing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsumugi.engine.feel.Expression;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.LoopCharacteristics;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.Incident;
import org.tsumugi.engine.state.Variable;

/**
 * Multi-instance activities as Camunda 8 runs them: a body instance (MULTI_INSTANCE_BODY) holds one
 * inner instance per element of the input collection, all at once (parallel) or one after another
 * (sequential). Each inner instance has the element and its 1-based {@code loopCounter} as local
 * variables; the output collection is a local variable of the body, filled in input order, and goes
 * to the enclosing scopes when the body completes. The counters live on the body instance so that a
 * loop carries on after a restart; a sequential loop reads its input collection again for each step.
 */
final class MultiInstance {
  static final String LOOP_COUNTER = "loopCounter";

  private final BpmnExecutor executor;
  private final EngineState state;
  private final FeelEngine feel;
  private final Variables variables;

  /** What follows an inner instance's completion: the next element of a sequential loop, or the end. */
  record Next(boolean completionConditionMet, boolean hasNext, Object nextElement) {}

  MultiInstance(BpmnExecutor executor, EngineState state, FeelEngine feel, Variables variables) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.variables = variables;
  }

  static boolean isBodyOf(ElementInstance scope, ElementModel element) {
    return scope.kind == ElementKind.MULTI_INSTANCE_BODY && scope.elementId.equals(element.id());
  }

  void activateBody(ElementInstance body, ElementModel element) {
    LoopCharacteristics loop = element.loop();
    List<Object> items;
    try {
      items = inputCollection(body, element);
    } catch (ExpressionException e) {
      executor.incidents().activationFailed(body, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    executor.activated(body);
    if (loop.outputCollection() != null) {
      variables.setLocal(body, Map.of(loop.outputCollection(), new ArrayList<>(Collections.nCopies(items.size(), null))));
    }
    if (items.isEmpty()) {
      executor.complete(body, null, null);
      return;
    }
    int count = loop.sequential() ? 1 : items.size();
    for (int i = 0; i < count; i++) {
      createInner(body, element, items.get(i));
    }
  }

  /**
   * Runs while an inner instance completes and can still see its variables: collects its output
   * element and decides what follows. Null when that failed and became an incident on the inner
   * instance (resolving it completes the inner instance again).
   */
  Next innerCompleting(ElementInstance body, ElementInstance inner, ElementModel element) {
    LoopCharacteristics loop = element.loop();
    try {
      Map<String, Object> context = variables.visible(inner);
      if (loop.outputCollection() != null) {
        collect(body, loop, loopCounter(inner), loop.outputElement() == null ? null
            : loop.outputElement().evaluate(feel, context));
      }
      List<Object> items = loop.sequential() ? inputCollection(body, element) : null;
      int instances = loop.sequential() ? items.size() : body.loopInstances;
      boolean conditionMet = false;
      if (loop.completionCondition() != null) {
        Map<String, Object> withCounters = new HashMap<>(context);
        withCounters.put("numberOfInstances", instances);
        withCounters.put("numberOfCompletedInstances", body.loopCompleted + 1);
        withCounters.put("numberOfActiveInstances", state.activeChildCount(body.key) - 1);
        withCounters.put("numberOfTerminatedInstances", body.loopTerminated);
        conditionMet = isTrue(loop.completionCondition(), withCounters, element);
      }
      boolean hasNext = loop.sequential() && body.loopInstances < items.size();
      return new Next(conditionMet, hasNext, hasNext ? items.get(body.loopInstances) : null);
    } catch (ExpressionException e) {
      executor.incidents().raise(inner, "EXTRACT_VALUE_ERROR", e.getMessage(), 0, Incident.Retry.COMPLETE_ELEMENT);
      return null;
    }
  }

  /** After an inner instance completed: start the next one, or finish the body when all are done. */
  void innerCompleted(ElementInstance body, ElementModel element, Next next) {
    body.loopCompleted++;
    state.changed(body);
    if (next.completionConditionMet()) {
      for (ElementInstance other : state.children(body.key)) {
        executor.terminate(other);
        body.loopTerminated++;
      }
      executor.complete(body, null, null);
    } else if (next.hasNext()) {
      createInner(body, element, next.nextElement());
    } else {
      executor.completeScopeIfDone(body);
    }
  }

  /** The body hands its output collection to the enclosing scopes, like a completed task its variables. */
  void bodyCompleting(ElementInstance body, ElementModel element) {
    String name = element.loop().outputCollection();
    Variable output = name == null ? null : state.variable(body.key, name);
    if (output != null) {
      variables.propagate(executor.parent(body), Collections.singletonMap(name, output.value));
    }
  }

  private void createInner(ElementInstance body, ElementModel element, Object item) {
    LoopCharacteristics loop = element.loop();
    ElementInstance inner = executor.activate(element, body);
    body.loopInstances++;
    state.changed(body);
    Map<String, Object> locals = new LinkedHashMap<>();
    String outputVariable = outputVariable(loop);
    // the output element's variable is local, so that each instance's result stays its own
    if (outputVariable != null && !outputVariable.equals(loop.inputElement())) {
      locals.put(outputVariable, null);
    }
    if (loop.inputElement() != null) {
      locals.put(loop.inputElement(), item);
    }
    locals.put(LOOP_COUNTER, body.loopInstances);
    variables.setLocal(inner, locals);
  }

  /** The variable an output element such as "= result" names; null for any other expression. */
  private static String outputVariable(LoopCharacteristics loop) {
    if (loop.outputElement() == null) {
      return null;
    }
    String source = loop.outputElement().source().strip();
    String name = source.startsWith("=") ? source.substring(1).strip() : source;
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : null;
  }

  @SuppressWarnings("unchecked")
  private void collect(ElementInstance body, LoopCharacteristics loop, int loopCounter, Object value) {
    Variable output = state.variable(body.key, loop.outputCollection());
    List<Object> collected = output != null && output.value instanceof List<?> list ? new ArrayList<>((List<Object>) list)
        : new ArrayList<>();
    while (collected.size() < loopCounter) {
      collected.add(null);
    }
    collected.set(loopCounter - 1, value);
    variables.setLocal(body, Map.of(loop.outputCollection(), collected));
  }

  private int loopCounter(ElementInstance inner) {
    Variable counter = state.variable(inner.key, LOOP_COUNTER);
    return counter != null && counter.value instanceof Number number ? number.intValue() : 1;
  }

  @SuppressWarnings("unchecked")
  private List<Object> inputCollection(ElementInstance body, ElementModel element) {
    Expression expression = element.loop().inputCollection();
    Object value = expression.evaluate(feel, variables.visible(body));
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new ExpressionException("the inputCollection '" + expression.source() + "' of '" + element.id()
        + "' must be a list, but was " + (value == null ? "null" : value.getClass().getSimpleName() + " '" + value + "'"));
  }

  private boolean isTrue(Expression condition, Map<String, Object> context, ElementModel element) {
    Object value = condition.evaluate(feel, context);
    if (value != null && !(value instanceof Boolean)) {
      throw new ExpressionException("the completionCondition '" + condition.source() + "' of '" + element.id()
          + "' must be a boolean, but was " + value.getClass().getSimpleName() + " '" + value + "'");
    }
    return Boolean.TRUE.equals(value);
  }
}
