package org.tsumugi.engine.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.FlowModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;

/**
 * Inclusive (OR) gateways. Forking takes every outgoing flow whose condition is true, the default flow
 * only when none is. Joining waits, like Camunda 8, for the incoming flows that can still get a token:
 * it fires once no token of its flow scope (an active element, or a token waiting at another join)
 * has a path to an incoming flow that has no token yet. It is checked whenever a token arrives and
 * whenever an element of the scope completes, since a branch that ends elsewhere frees the join.
 */
final class InclusiveGateways {
  private final BpmnExecutor executor;
  private final Gateways gateways;
  private final EngineState state;
  private final Variables variables;
  private final Incidents incidents;

  InclusiveGateways(BpmnExecutor executor, Gateways gateways, EngineState state, Variables variables,
      Incidents incidents) {
    this.executor = executor;
    this.gateways = gateways;
    this.state = state;
    this.variables = variables;
    this.incidents = incidents;
  }

  /** The flows to take, or null when none can be taken or a condition failed (an incident says why). */
  List<FlowModel> chooseFlows(ElementInstance instance, ElementModel gateway) {
    if (gateway.outgoing().size() == 1 && gateway.outgoing().get(0).condition() == null) {
      return gateway.outgoing();
    }
    Map<String, Object> context = variables.visible(instance);
    List<FlowModel> chosen = new ArrayList<>();
    for (FlowModel flow : gateway.outgoing()) {
      if (flow == gateway.defaultFlow() || flow.condition() == null) {
        continue;
      }
      try {
        if (gateways.isTrue(flow, context)) {
          chosen.add(flow);
        }
      } catch (ExpressionException e) {
        incidents.activationFailed(instance, "CONDITION_ERROR", e.getMessage());
        return null;
      }
    }
    if (chosen.isEmpty() && gateway.defaultFlow() != null) {
      chosen.add(gateway.defaultFlow());
    }
    if (chosen.isEmpty()) {
      incidents.activationFailed(instance, "CONDITION_ERROR", "no outgoing sequence flow of inclusive gateway '"
          + gateway.id() + "' can be taken: no condition is true and there is no default flow");
      return null;
    }
    return chosen;
  }

  /** Fires the scope's waiting inclusive joins that no token can reach any more. */
  void joinWhereNoTokenCanArrive(ElementInstance scope) {
    if (scope.joinTokens.isEmpty() || scope.state.isFinal()) {
      return;
    }
    for (String gatewayId : List.copyOf(scope.joinTokens.keySet())) {
      ElementModel gateway = element(scope, gatewayId);
      if (gateway.kind() == ElementKind.INCLUSIVE_GATEWAY) {
        gateways.tryJoin(gateway, scope);
      }
    }
  }

  /** Whether a token of the scope has a path to an incoming flow of the gateway that has no token yet. */
  boolean aTokenMayStillArrive(ElementInstance scope, ElementModel gateway, Map<String, Integer> tokens) {
    Set<String> missing = new HashSet<>();
    for (FlowModel in : gateway.incoming()) {
      if (tokens.getOrDefault(in.id(), 0) == 0) {
        missing.add(in.id());
      }
    }
    if (missing.isEmpty()) {
      return false;
    }
    for (ElementInstance child : state.children(scope.key)) {
      if (reaches(executor.model(child), gateway, missing)) {
        return true;
      }
    }
    for (var waiting : scope.joinTokens.entrySet()) {
      if (!waiting.getKey().equals(gateway.id()) && !waiting.getValue().isEmpty()
          && reaches(element(scope, waiting.getKey()), gateway, missing)) {
        return true;
      }
    }
    return false;
  }

  /** A walk along sequence flows (and boundary events) from an element, stopping at the gateway. */
  private static boolean reaches(ElementModel from, ElementModel gateway, Set<String> missingFlows) {
    Deque<ElementModel> open = new ArrayDeque<>(List.of(from));
    Set<String> seen = new HashSet<>();
    while (!open.isEmpty()) {
      ElementModel element = open.poll();
      if (!seen.add(element.id())) {
        continue;
      }
      List<FlowModel> flows = new ArrayList<>(element.outgoing());
      element.boundaryEvents().forEach(boundary -> flows.addAll(boundary.outgoing()));
      for (FlowModel flow : flows) {
        if (flow.target() == gateway) {
          if (missingFlows.contains(flow.id())) {
            return true;
          }
        } else {
          open.add(flow.target());
        }
      }
    }
    return false;
  }

  private ElementModel element(ElementInstance scope, String id) {
    return state.definition(scope.processDefinitionKey).model.element(id);
  }
}
