package org.tsumugi.engine.processing;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.FlowModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.EventSubscription;
import org.tsumugi.engine.state.Incident;
import org.tsumugi.engine.state.Job;
import org.tsumugi.engine.state.Lifecycle;
import org.tsumugi.engine.state.ProcessDefinition;

/**
 * Walks process instances through the BPMN life cycle (activating → activated → completing →
 * completed; terminating → terminated) and hands each element to the behaviour of its kind. Follow-up
 * steps go on an agenda that is drained before the command ends, so one command moves an instance as
 * far as it can go without waiting.
 */
final class BpmnExecutor {
  /** A bound on follow-up steps of one command, so a model that loops without waiting cannot hang the writer. */
  private static final int MAX_STEPS_PER_COMMAND = 100_000;

  private final EngineState state;
  private final LongSupplier clock;
  private final History history;
  private final Variables variables;
  private final Listener listener;
  private final Deque<Runnable> agenda = new ArrayDeque<>();
  private final Incidents incidents;
  private final Subscriptions subscriptions;
  private final Mappings mappings;
  private final Events events;
  private final ThrowEvents throwEvents;
  private final Gateways gateways;
  private final DecisionCalls decisions;
  private final UserTaskBehavior userTasks;
  private final JobTasks jobTasks;
  private final EngineTasks engineTasks;
  private final MultiInstance multiInstance;
  private final CallActivities callActivities;

  /** What the processor needs to hear about as instances move. */
  interface Listener {
    void jobCreated(Job job);

    void processCompleted(ElementInstance root, Map<String, Object> variables);

    void processTerminated(ElementInstance root);

    /** A subscription opened, or a timer's due date moved. */
    void subscriptionOpened(EventSubscription subscription);
  }

  BpmnExecutor(EngineState state, FeelEngine feel, LongSupplier clock, ZoneId zone, History history,
      Variables variables, Listener listener) {
    this.state = state;
    this.clock = clock;
    this.history = history;
    this.variables = variables;
    this.listener = listener;
    this.incidents = new Incidents(state, clock, history);
    this.subscriptions = new Subscriptions(state, feel, clock, zone, listener::subscriptionOpened);
    this.mappings = new Mappings(this, state, feel, variables, incidents);
    this.events = new Events(this, state, history, subscriptions, incidents);
    this.throwEvents = new ThrowEvents(this, state, feel, events, incidents);
    this.gateways = new Gateways(this, state, feel, incidents);
    this.decisions = new DecisionCalls(state, feel, clock, history);
    this.userTasks = new UserTaskBehavior(state, feel, clock, history);
    this.jobTasks = new JobTasks(this, state, feel, clock, history, incidents, userTasks, listener);
    this.engineTasks = new EngineTasks(this, feel, incidents, decisions);
    this.multiInstance = new MultiInstance(this, state, feel, variables);
    this.callActivities = new CallActivities(this, state, feel, variables);
  }

  Variables variables() {
    return variables;
  }

  DecisionCalls decisions() {
    return decisions;
  }

  Incidents incidents() {
    return incidents;
  }

  // ---------------------------------------------------------------- entry points (each drains the agenda)

  ElementInstance startProcess(ProcessDefinition definition, Map<String, Object> initialVariables) {
    return startProcess(definition, initialVariables, definition.model.root().noneStartEvent());
  }

  ElementInstance startProcess(ProcessDefinition definition, Map<String, Object> initialVariables,
      ElementModel startEvent) {
    ElementInstance instance = createProcessInstance(definition, initialVariables, null, startEvent);
    drain();
    return instance;
  }

  /**
   * A new process version replaces the timer, message and signal start events of the versions before it.
   *
   * @throws ExpressionException if a start event's timer or name does not evaluate
   */
  void deployed(ProcessDefinition definition) {
    events.deployed(definition);
  }

  /**
   * A timer fired, or a message or signal arrived, for a waiting catch event. Returns false when the catch event no
   * longer waits (its owner has left), so the caller can tell a match from a miss.
   */
  boolean trigger(EventSubscription subscription, Map<String, Object> payload) {
    boolean matched = events.trigger(subscription, payload == null ? Map.of() : payload);
    drain();
    return matched;
  }

  /** A process start event's timer, message or signal arrived: returns the instance that starts there. */
  ElementInstance startAt(EventSubscription startEvent, Map<String, Object> payload) {
    return events.startAt(startEvent, payload);
  }

  void cancel(ElementInstance root) {
    terminate(root);
    listener.processTerminated(root);
    drain();
  }

  void completeJobElement(Job job, Map<String, Object> completionVariables) {
    ElementInstance instance = state.elementInstance(job.elementInstanceKey);
    instance.jobKey = job.key;
    complete(instance, completionVariables, null);
    drain();
  }

  /** A person completed the user task the element waits on. */
  void completeUserTaskElement(ElementInstance instance, Map<String, Object> completionVariables) {
    complete(instance, completionVariables, null);
    drain();
  }

  /** A job's BPMN error: caught by the nearest matching error catch event, else an incident. */
  boolean throwError(Job job, String errorCode, String errorMessage, Map<String, Object> errorVariables) {
    boolean caught = throwEvents.throwError(state.elementInstance(job.elementInstanceKey), errorCode, errorMessage,
        errorVariables, job.key, Incident.Retry.JOB);
    drain();
    return caught;
  }

  void jobOutOfRetries(Job job) {
    jobTasks.outOfRetries(job);
  }

  /** Retries the step that failed. */
  void resolve(Incident incident) {
    ElementInstance instance = state.elementInstance(incident.elementInstanceKey);
    incidents.clear(incident, instance);
    switch (incident.retry) {
      case ACTIVATE_ELEMENT -> agenda.add(() -> onActivating(instance));
      case COMPLETE_ELEMENT -> agenda.add(() -> onCompleting(instance, null));
      case JOB -> jobTasks.retry(incident);
    }
    drain();
  }

  // ---------------------------------------------------------------- life cycle

  /** Creates a process instance; a call activity, when given, becomes its parent. Runs once the agenda is drained. */
  ElementInstance createProcessInstance(ProcessDefinition definition, Map<String, Object> initialVariables,
      ElementInstance callActivity) {
    return createProcessInstance(definition, initialVariables, callActivity, definition.model.root().noneStartEvent());
  }

  private ElementInstance createProcessInstance(ProcessDefinition definition, Map<String, Object> initialVariables,
      ElementInstance callActivity, ElementModel startEvent) {
    long key = state.nextKey();
    ElementModel root = definition.model.root();
    ElementInstance instance = new ElementInstance(key, key, definition.key, definition.bpmnProcessId,
        definition.version, root.id(), definition.name, ElementKind.PROCESS, -1, clock.getAsLong());
    if (callActivity != null) {
      instance.parentProcessInstanceKey = callActivity.processInstanceKey;
      instance.parentElementInstanceKey = callActivity.key;
      callActivity.calledInstanceKey = key;
    }
    state.addElementInstance(instance);
    variables.setLocal(instance, initialVariables);
    events.arrive(key, startEvent.id(), Map.of());
    agenda.add(() -> onActivating(instance));
    return instance;
  }

  ElementInstance activate(ElementModel element, ElementInstance scope) {
    ElementKind kind = element.isMultiInstance() && !MultiInstance.isBodyOf(scope, element)
        ? ElementKind.MULTI_INSTANCE_BODY : element.kind();
    ElementInstance instance = new ElementInstance(state.nextKey(), scope.processInstanceKey,
        scope.processDefinitionKey, scope.bpmnProcessId, scope.version, element.id(), element.name(), kind,
        scope.key, clock.getAsLong());
    state.addElementInstance(instance);
    events.activating(instance);
    agenda.add(() -> onActivating(instance));
    return instance;
  }

  /** Runs a step once the current one is done. */
  void later(Runnable step) {
    agenda.add(step);
  }

  private void onActivating(ElementInstance instance) {
    if (instance.state != Lifecycle.ACTIVATING) {
      return; // terminated meanwhile
    }
    ElementModel element = model(instance);
    if (instance.kind == ElementKind.MULTI_INSTANCE_BODY) {
      if (events.openSubscriptions(instance, element)) {
        multiInstance.activateBody(instance, element);
      }
      return;
    }
    if (!mappings.applyInputs(instance, element)) {
      return;
    }
    boolean triggered = events.triggered(instance);
    if (!triggered && !events.openSubscriptions(instance, element)) {
      return;
    }
    switch (element.kind()) {
      case PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS -> {
        activated(instance);
        activate(events.startEventOf(instance, element), instance);
      }
      case INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK, EVENT_BASED_GATEWAY -> {
        activated(instance);
        if (triggered) {
          complete(instance, events.takeVariables(instance), null);
        }
      }
      case SERVICE_TASK, SEND_TASK -> jobTasks.activate(instance, element);
      case BUSINESS_RULE_TASK -> {
        if (element.isJobTask()) {
          jobTasks.activate(instance, element);
        } else {
          engineTasks.callDecision(instance, element);
        }
      }
      case USER_TASK -> {
        if (element.isJobTask()) {
          jobTasks.activate(instance, element);
        } else {
          activateUserTask(instance, element);
        }
      }
      case SCRIPT_TASK -> {
        if (element.isJobTask()) {
          jobTasks.activate(instance, element);
        } else {
          engineTasks.runScript(instance, element);
        }
      }
      case EXCLUSIVE_GATEWAY -> {
        FlowModel chosen = gateways.chooseFlow(instance, element);
        if (chosen != null) {
          activated(instance);
          complete(instance, null, chosen);
        }
      }
      case INCLUSIVE_GATEWAY -> {
        List<FlowModel> chosen = gateways.inclusive().chooseFlows(instance, element);
        if (chosen != null) {
          activated(instance);
          completeTaking(instance, null, chosen);
        }
      }
      case CALL_ACTIVITY -> callActivities.activate(instance, element);
      case END_EVENT -> throwEvents.activateEndEvent(instance, element);
      default -> {
        if (!throwEvents.escalate(instance, element)) {
          return;
        }
        activated(instance);
        complete(instance, events.takeVariables(instance), null);
      }
    }
  }

  private void activateUserTask(ElementInstance instance, ElementModel element) {
    try {
      userTasks.create(instance, element, variables.visible(instance));
    } catch (ExpressionException | IncidentCause e) {
      incidents.activationFailed(instance, e);
      return;
    }
    activated(instance);
  }

  void activated(ElementInstance instance) {
    if (instance.state == Lifecycle.ACTIVATED) {
      return;
    }
    instance.state = Lifecycle.ACTIVATED;
    state.changed(instance);
    history.element(instance, "ELEMENT_ACTIVATED");
  }

  void complete(ElementInstance instance, Map<String, Object> completionVariables, FlowModel chosenFlow) {
    completeTaking(instance, completionVariables, chosenFlow == null ? null : List.of(chosenFlow));
  }

  /** Completes an instance, then takes the given flows (null: every outgoing flow). */
  void completeTaking(ElementInstance instance, Map<String, Object> completionVariables, List<FlowModel> flows) {
    instance.state = Lifecycle.COMPLETING;
    state.changed(instance);
    agenda.add(() -> {
      ElementModel element = model(instance);
      if (element.outputs().isEmpty()) {
        variables.propagate(instance, completionVariables);
      } else {
        variables.setLocal(instance, completionVariables);
      }
      onCompleting(instance, flows);
    });
  }

  private void onCompleting(ElementInstance instance, List<FlowModel> chosenFlows) {
    if (instance.state != Lifecycle.COMPLETING) {
      return;
    }
    ElementModel element = model(instance);
    if (instance.kind == ElementKind.MULTI_INSTANCE_BODY) {
      multiInstance.bodyCompleting(instance, element);
    } else if (!mappings.applyOutputs(instance, element)) {
      return;
    }
    ElementInstance scope = parent(instance);
    MultiInstance.Next next = null;
    if (scope != null && MultiInstance.isBodyOf(scope, element)) {
      next = multiInstance.innerCompleting(scope, instance, element);
      if (next == null) {
        return;
      }
    }
    instance.state = Lifecycle.COMPLETED;
    instance.endDate = clock.getAsLong();
    state.changed(instance);
    subscriptions.closeAll(instance.key);
    history.element(instance, "ELEMENT_COMPLETED");
    if (instance.isRoot()) {
      Map<String, Object> result = variables.visible(instance);
      state.removeElementInstance(instance);
      listener.processCompleted(instance, result);
      callActivities.calledProcessCompleted(instance, result);
      return;
    }
    state.removeElementInstance(instance);
    if (next != null) {
      multiInstance.innerCompleted(scope, element, next);
      return;
    }
    List<FlowModel> flows = chosenFlows != null ? chosenFlows : element.outgoing();
    for (FlowModel flow : flows) {
      if (!gateways.join(flow, scope)) {
        activate(flow.target(), scope);
      }
    }
    gateways.inclusive().joinWhereNoTokenCanArrive(scope);
    completeScopeIfDone(scope);
  }

  void completeScopeIfDone(ElementInstance scope) {
    if (scope.state == Lifecycle.ACTIVATED && state.activeChildCount(scope.key) == 0 && scope.waitingTokens() == 0) {
      complete(scope, null, null);
    }
  }

  /** Terminates an instance and everything inside it, at once; the caller decides what follows. */
  void terminate(ElementInstance instance) {
    if (instance.state.isFinal()) {
      return;
    }
    instance.state = Lifecycle.TERMINATING;
    for (ElementInstance child : state.children(instance.key)) {
      terminate(child);
    }
    ElementInstance called = instance.calledInstanceKey == 0 ? null : state.elementInstance(instance.calledInstanceKey);
    if (called != null) {
      terminate(called);
      listener.processTerminated(called);
    }
    jobTasks.cancel(instance);
    if (instance.kind == ElementKind.USER_TASK) {
      userTasks.cancel(instance);
    }
    incidents.clearOf(instance);
    subscriptions.closeAll(instance.key);
    instance.joinTokens.clear();
    instance.state = Lifecycle.TERMINATED;
    instance.endDate = clock.getAsLong();
    state.changed(instance);
    history.element(instance, "ELEMENT_TERMINATED");
    state.removeElementInstance(instance);
  }

  // ---------------------------------------------------------------- helpers

  private void drain() {
    int steps = 0;
    while (!agenda.isEmpty()) {
      if (++steps > MAX_STEPS_PER_COMMAND) {
        agenda.clear();
        throw new IllegalStateException("a command took more than " + MAX_STEPS_PER_COMMAND
            + " steps; the model probably loops without a wait state");
      }
      agenda.poll().run();
    }
  }

  ElementInstance parent(ElementInstance instance) {
    return instance.isRoot() ? null : state.elementInstance(instance.flowScopeKey);
  }

  ElementModel model(ElementInstance instance) {
    return state.definition(instance.processDefinitionKey).model.element(instance.elementId);
  }

  static String asText(Object value, String what, ElementModel element) {
    if (value instanceof String text && !text.isBlank()) {
      return text;
    }
    throw new ExpressionException(what + " of '" + element.id() + "' must be a non-empty string, but was '" + value + "'");
  }
}
