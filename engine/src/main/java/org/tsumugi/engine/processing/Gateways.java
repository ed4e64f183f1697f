package org.tsumugi.engine.processing;

import java.util.HashMap;
import java.util.Map;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.FlowModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;

/**
 * Exclusive gateways (the first flow whose condition is true, else the default flow) and joining gateways: a token
 * arriving at a parallel or inclusive gateway with several incoming flows waits on its scope until the join fires.
 * Inclusive forks and the inclusive join condition are {@link InclusiveGateways}.
 */
final class Gateways {
  private final BpmnExecutor executor;
  private final EngineState state;
  private final FeelEngine feel;
  private final Incidents incidents;
  private final InclusiveGateways inclusive;

  Gateways(BpmnExecutor executor, EngineState state, FeelEngine feel, Incidents incidents) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
    this.inclusive = new InclusiveGateways(executor, this, state, executor.variables(), incidents);
  }

  InclusiveGateways inclusive() {
    return inclusive;
  }

  /** The flow an exclusive gateway takes, or null when none can be taken or a condition failed (an incident). */
  FlowModel chooseFlow(ElementInstance instance, ElementModel gateway) {
    if (gateway.outgoing().size() == 1 && gateway.outgoing().get(0).condition() == null) {
      return gateway.outgoing().get(0);
    }
    Map<String, Object> context = executor.variables().visible(instance);
    for (FlowModel flow : gateway.outgoing()) {
      if (flow == gateway.defaultFlow() || flow.condition() == null) {
        continue;
      }
      try {
        if (isTrue(flow, context)) {
          return flow;
        }
      } catch (ExpressionException e) {
        incidents.activationFailed(instance, "CONDITION_ERROR", e.getMessage());
        return null;
      }
    }
    if (gateway.defaultFlow() != null) {
      return gateway.defaultFlow();
    }
    incidents.activationFailed(instance, "CONDITION_ERROR", "no outgoing sequence flow of exclusive gateway '"
        + gateway.id() + "' can be taken: no condition is true and there is no default flow");
    return null;
  }

  /** A sequence flow's condition; anything but a boolean or null is an error naming the flow. */
  boolean isTrue(FlowModel flow, Map<String, Object> context) {
    Object value = flow.condition().evaluate(feel, context);
    if (value != null && !(value instanceof Boolean)) {
      throw new ExpressionException("condition '" + flow.condition().source() + "' of sequence flow '" + flow.id()
          + "' must be a boolean, but was " + value.getClass().getSimpleName() + " '" + value + "'");
    }
    return Boolean.TRUE.equals(value);
  }

  /** Whether the flow ends at a joining gateway; its token then waits there on the scope until the join fires. */
  boolean join(FlowModel flow, ElementInstance scope) {
    ElementModel target = flow.target();
    boolean join = target.incoming().size() > 1 && (target.kind() == ElementKind.PARALLEL_GATEWAY
        || target.kind() == ElementKind.INCLUSIVE_GATEWAY);
    if (!join) {
      return false;
    }
    Map<String, Integer> tokens = scope.joinTokens.computeIfAbsent(target.id(), id -> new HashMap<>());
    tokens.merge(flow.id(), 1, Integer::sum);
    state.changed(scope);
    if (target.kind() == ElementKind.INCLUSIVE_GATEWAY) {
      // decided once the step that took this flow has taken its other flows too, which may still reach the join
      executor.later(() -> inclusive.joinWhereNoTokenCanArrive(scope));
    } else {
      tryJoin(target, scope);
    }
    return true;
  }

  /**
   * Activates a joining gateway once its tokens are complete, consuming one token per incoming flow.
   * A parallel join needs a token on every incoming flow; an inclusive join on every incoming flow that
   * a token of the scope can still reach.
   */
  boolean tryJoin(ElementModel gateway, ElementInstance scope) {
    Map<String, Integer> tokens = scope.joinTokens.get(gateway.id());
    if (tokens == null) {
      return false;
    }
    boolean joined = gateway.kind() == ElementKind.INCLUSIVE_GATEWAY
        ? !inclusive.aTokenMayStillArrive(scope, gateway, tokens)
        : gateway.incoming().stream().allMatch(in -> tokens.getOrDefault(in.id(), 0) > 0);
    if (!joined) {
      return false;
    }
    for (FlowModel in : gateway.incoming()) {
      tokens.computeIfPresent(in.id(), (id, count) -> count > 1 ? count - 1 : null);
    }
    if (tokens.isEmpty()) {
      scope.joinTokens.remove(gateway.id());
    }
    state.changed(scope);
    executor.activate(gateway, scope);
    return true;
  }
}
