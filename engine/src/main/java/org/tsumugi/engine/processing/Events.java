package org.tsumugi.engine.processing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.FlowModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.EventSubscription;
import org.tsumugi.engine.state.Lifecycle;
import org.tsumugi.engine.state.ProcessDefinition;

/**
 * Catching events: the subscriptions an element opens for the timers, messages and signals it waits for, and what
 * happens when one arrives (an intermediate catch event or receive task completes, an event-based gateway takes the
 * event's flow, a boundary event fires, an event subprocess or a process starts). The event's variables travel with
 * it to the catch event's completion.
 */
final class Events {
  private final BpmnExecutor executor;
  private final EngineState state;
  private final History history;
  private final Subscriptions subscriptions;
  private final Incidents incidents;
  /** Variables a catch event carries from its trigger to its completion, within one command. */
  private final Map<Long, Map<String, Object>> eventVariables = new HashMap<>();
  /**
   * Triggers that reach a catch event before it exists, within one command: the target of an event-based gateway,
   * the start event of an event subprocess or of a process. Keyed by flow scope key and element id.
   */
  private final Map<String, Map<String, Object>> arrivingTriggers = new HashMap<>();

  Events(BpmnExecutor executor, EngineState state, History history, Subscriptions subscriptions, Incidents incidents) {
    this.executor = executor;
    this.state = state;
    this.history = history;
    this.subscriptions = subscriptions;
    this.incidents = incidents;
  }

  /** An event arrives at an element of a scope that is about to be activated there. */
  void arrive(long scopeKey, String elementId, Map<String, Object> values) {
    arrivingTriggers.put(scopeKey + "/" + elementId, values);
  }

  /** A new element instance takes over the event that arrived for it. */
  void activating(ElementInstance instance) {
    Map<String, Object> arriving = arrivingTriggers.remove(instance.flowScopeKey + "/" + instance.elementId);
    if (arriving != null) {
      eventVariables.put(instance.key, arriving);
    }
  }

  /** The event variables an element instance carries to its completion. */
  void carry(ElementInstance instance, Map<String, Object> values) {
    eventVariables.put(instance.key, values);
  }

  boolean triggered(ElementInstance instance) {
    return eventVariables.containsKey(instance.key);
  }

  Map<String, Object> takeVariables(ElementInstance instance) {
    return eventVariables.remove(instance.key);
  }

  /**
   * A new process version replaces the timer, message and signal start events of the versions before it.
   *
   * @throws ExpressionException if a start event's timer or name does not evaluate
   */
  void deployed(ProcessDefinition definition) {
    subscriptions.closeStartEvents(definition.bpmnProcessId);
    subscriptions.openStartEvents(definition);
  }

  /** Opens the element's subscriptions; false when a timer or name did not evaluate (an incident says which). */
  boolean openSubscriptions(ElementInstance instance, ElementModel element) {
    List<ElementModel> awaited = element.awaitedEvents();
    if (element.isMultiInstance()) { // boundary events wait on the body, everything else on each inner instance
      boolean body = instance.kind == ElementKind.MULTI_INSTANCE_BODY;
      awaited = awaited.stream().filter(event -> (event.kind() == ElementKind.BOUNDARY_EVENT) == body).toList();
    }
    if (awaited.isEmpty()) {
      return true;
    }
    try {
      subscriptions.open(instance, awaited, executor.variables().visible(instance));
      return true;
    } catch (ExpressionException e) {
      incidents.activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
      return false;
    }
  }

  /**
   * A timer fired, or a message or signal arrived, for a waiting catch event. Returns false when the catch event no
   * longer waits (its owner has left), so the caller can tell a match from a miss.
   */
  boolean trigger(EventSubscription subscription, Map<String, Object> values) {
    if (subscription.isStartEvent()) {
      startAt(subscription, values);
      return true;
    }
    ElementModel event = state.definition(subscription.processDefinitionKey).model.element(subscription.catchElementId);
    history.triggered(subscription);
    ElementInstance owner = state.elementInstance(subscription.ownerKey);
    if (owner == null || (owner.state != Lifecycle.ACTIVATED && owner.state != Lifecycle.ACTIVATING)) {
      return false;
    }
    if (event.id().equals(owner.elementId)) { // an intermediate catch event or receive task
      subscriptions.closeAll(owner.key);
      executor.activated(owner);
      executor.complete(owner, values, null);
    } else if (owner.kind == ElementKind.EVENT_BASED_GATEWAY) {
      subscriptions.closeAll(owner.key);
      FlowModel flow = executor.model(owner).outgoing().stream().filter(out -> out.target() == event).findFirst()
          .orElseThrow();
      arrive(owner.flowScopeKey, event.id(), values);
      executor.complete(owner, null, flow);
    } else if (event.kind() == ElementKind.BOUNDARY_EVENT) {
      subscriptions.fired(subscription);
      ElementInstance scope = executor.parent(owner);
      if (event.interrupting()) {
        executor.terminate(owner);
      }
      carry(executor.activate(event, scope), values);
    } else {
      subscriptions.fired(subscription);
      startEventSubProcess(owner, event, values);
    }
    return true;
  }

  /** A process start event's timer, message or signal arrived: returns the instance that starts there. */
  ElementInstance startAt(EventSubscription startEvent, Map<String, Object> payload) {
    ProcessDefinition definition = state.definition(startEvent.processDefinitionKey);
    history.triggered(startEvent);
    subscriptions.fired(startEvent);
    return executor.startProcess(definition, payload == null ? Map.of() : payload,
        definition.model.element(startEvent.catchElementId));
  }

  /** Starts an event subprocess in its scope; an interrupting one first ends everything else in the scope. */
  void startEventSubProcess(ElementInstance scope, ElementModel startEvent, Map<String, Object> values) {
    if (startEvent.interrupting()) {
      for (EventSubscription other : state.subscriptionsOf(scope.key)) {
        ElementModel otherEvent = executor.model(scope).eventSubProcesses().stream().map(ElementModel::eventStartEvent)
            .filter(start -> start.id().equals(other.catchElementId)).findFirst().orElse(null);
        if (otherEvent != null) {
          state.closeSubscription(other);
        }
      }
      for (ElementInstance child : state.children(scope.key)) {
        executor.terminate(child);
      }
      scope.joinTokens.clear();
      state.changed(scope);
    }
    ElementInstance eventSubProcess = executor.activate(startEvent.flowScope(), scope);
    arrive(eventSubProcess.key, startEvent.id(), values);
  }

  /** A container starts at the start event a trigger arrived at, else at its none start event. */
  ElementModel startEventOf(ElementInstance instance, ElementModel container) {
    for (ElementModel start : container.kind() == ElementKind.EVENT_SUB_PROCESS ? List.of(container.eventStartEvent())
        : container.kind() == ElementKind.PROCESS ? container.triggeredStartEvents() : List.<ElementModel>of()) {
      if (arrivingTriggers.containsKey(instance.key + "/" + start.id())) {
        return start;
      }
    }
    arrivingTriggers.remove(instance.key + "/" + container.noneStartEvent().id());
    return container.noneStartEvent();
  }
}
