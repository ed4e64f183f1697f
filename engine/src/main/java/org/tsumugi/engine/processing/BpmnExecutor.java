package org.tsumugi.engine.processing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.FlowModel;
import org.tsumugi.engine.model.Mapping;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.EventSubscription;
import org.tsumugi.engine.state.Incident;
import org.tsumugi.engine.state.Job;
import org.tsumugi.engine.state.JobState;
import org.tsumugi.engine.state.Lifecycle;
import org.tsumugi.engine.state.ProcessDefinition;

/**
 * Walks process instances through the BPMN life cycle (activating → activated → completing →
 * completed; terminating → terminated). Follow-up steps go on an agenda that is drained before the
 * command ends, so one command moves an instance as far as it can go without waiting.
 */
final class BpmnExecutor {
  /** A bound on follow-up steps of one command, so a model that loops without waiting cannot hang the writer. */
  private static final int MAX_STEPS_PER_COMMAND = 100_000;

  private final EngineState state;
  private final FeelEngine feel;
  private final LongSupplier clock;
  private final History history;
  private final Variables variables;
  private final Listener listener;
  private final DecisionCalls decisions;
  private final UserTaskBehavior userTasks;
  private final Deque<Runnable> agenda = new ArrayDeque<>();
  /** Variables a catch event carries from its trigger to its completion, within one command. */
  private final Map<Long, Map<String, Object>> eventVariables = new HashMap<>();
  /**
   * Triggers that reach a catch event before it exists, within one command: the target of an event-based gateway,
   * the start event of an event subprocess or of a process. Keyed by flow scope key and element id.
   */
  private final Map<String, Map<String, Object>> arrivingTriggers = new HashMap<>();
  private final Subscriptions subscriptions;
  private final MultiInstance multiInstance;
  private final CallActivities callActivities;
  private final InclusiveGateways inclusiveGateways;

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
    this.feel = feel;
    this.clock = clock;
    this.history = history;
    this.variables = variables;
    this.listener = listener;
    this.subscriptions = new Subscriptions(state, feel, clock, zone, listener::subscriptionOpened);
    this.decisions = new DecisionCalls(state, feel, clock, history);
    this.multiInstance = new MultiInstance(this, state, feel, variables);
    this.callActivities = new CallActivities(this, state, feel, variables);
    this.inclusiveGateways = new InclusiveGateways(this, state, variables);
    this.userTasks = new UserTaskBehavior(state, feel, clock, history);
  }

  Variables variables() {
    return variables;
  }

  DecisionCalls decisions() {
    return decisions;
  }

  // ---------------------------------------------------------------- entry points

  ElementInstance startProcess(ProcessDefinition definition, Map<String, Object> initialVariables) {
    return startProcess(definition, initialVariables, definition.model.root().noneStartEvent());
  }

  private ElementInstance startProcess(ProcessDefinition definition, Map<String, Object> initialVariables,
      ElementModel startEvent) {
    ElementInstance instance = createProcessInstance(definition, initialVariables, null, startEvent);
    drain();
    return instance;
  }

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
    arrivingTriggers.put(key + "/" + startEvent.id(), Map.of());
    agenda.add(() -> onActivating(instance));
    return instance;
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

  /**
   * A timer fired, or a message or signal arrived, for a waiting catch event. Returns false when the catch event no
   * longer waits (its owner has left), so the caller can tell a match from a miss.
   */
  boolean trigger(EventSubscription subscription, Map<String, Object> payload) {
    ProcessDefinition definition = state.definition(subscription.processDefinitionKey);
    ElementModel event = definition.model.element(subscription.catchElementId);
    Map<String, Object> values = payload == null ? Map.of() : payload;
    if (subscription.isStartEvent()) {
      startAt(subscription, values);
      return true;
    }
    history.triggered(subscription);
    ElementInstance owner = state.elementInstance(subscription.ownerKey);
    if (owner == null || (owner.state != Lifecycle.ACTIVATED && owner.state != Lifecycle.ACTIVATING)) {
      return false;
    }
    if (event.id().equals(owner.elementId)) { // an intermediate catch event or receive task
      subscriptions.closeAll(owner.key);
      activated(owner);
      complete(owner, values, null);
    } else if (owner.kind == ElementKind.EVENT_BASED_GATEWAY) {
      subscriptions.closeAll(owner.key);
      FlowModel flow = model(owner).outgoing().stream().filter(out -> out.target() == event).findFirst().orElseThrow();
      arrivingTriggers.put(owner.flowScopeKey + "/" + event.id(), values);
      complete(owner, null, flow);
    } else if (event.kind() == ElementKind.BOUNDARY_EVENT) {
      subscriptions.fired(subscription);
      ElementInstance scope = parent(owner);
      if (event.interrupting()) {
        terminate(owner);
      }
      ElementInstance boundary = activate(event, scope);
      eventVariables.put(boundary.key, values);
    } else {
      subscriptions.fired(subscription);
      startEventSubProcess(owner, event, values);
    }
    drain();
    return true;
  }

  /** A process start event's timer, message or signal arrived: returns the instance that starts there. */
  ElementInstance startAt(EventSubscription startEvent, Map<String, Object> payload) {
    ProcessDefinition definition = state.definition(startEvent.processDefinitionKey);
    history.triggered(startEvent);
    subscriptions.fired(startEvent);
    return startProcess(definition, payload == null ? Map.of() : payload,
        definition.model.element(startEvent.catchElementId));
  }

  private void startEventSubProcess(ElementInstance scope, ElementModel startEvent, Map<String, Object> values) {
    if (startEvent.interrupting()) {
      for (EventSubscription other : state.subscriptionsOf(scope.key)) {
        ElementModel otherEvent = model(scope).eventSubProcesses().stream().map(ElementModel::eventStartEvent)
            .filter(start -> start.id().equals(other.catchElementId)).findFirst().orElse(null);
        if (otherEvent != null) {
          state.closeSubscription(other);
        }
      }
      for (ElementInstance child : state.children(scope.key)) {
        terminate(child);
      }
      scope.joinTokens.clear();
      state.changed(scope);
    }
    ElementInstance eventSubProcess = activate(startEvent.flowScope(), scope);
    arrivingTriggers.put(eventSubProcess.key + "/" + startEvent.id(), values);
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
    boolean caught = throwError(state.elementInstance(job.elementInstanceKey), errorCode, errorMessage,
        errorVariables, job.key, Incident.Retry.JOB);
    drain();
    return caught;
  }

  /**
   * Throws a BPMN error from an element instance (a job's task, an error end event, or, through the
   * chain of callers, a called process). The innermost matching error boundary event around the
   * thrower catches it: on the thrower itself, on an enclosing subprocess or multi-instance body, or on
   * the call activity that started the thrower's process, and so on up. The catching activity is
   * terminated with everything inside it (including called processes). An error nobody catches is an
   * UNHANDLED_ERROR_EVENT incident on the thrower; resolving it retries the throwing step.
   */
  boolean throwError(ElementInstance thrower, String errorCode, String errorMessage,
      Map<String, Object> errorVariables, long jobKey, Incident.Retry retry) {
    Catch found = findCatch(thrower, boundary -> boundary.catchesError(errorCode));
    if (found != null) {
      trigger(found, errorVariables);
      return true;
    }
    String detail = "an error with code '" + errorCode + "'" + (errorMessage == null || errorMessage.isBlank() ? ""
        : " and message '" + errorMessage + "'") + " was thrown, but no error boundary event catches it";
    raiseIncident(thrower, "UNHANDLED_ERROR_EVENT", detail, jobKey, retry);
    return false;
  }

  /**
   * Throws an escalation from a throw or end event: the innermost matching escalation boundary event
   * around it (crossing into calling processes) catches it, interrupting or not. Unlike an error, an
   * escalation nobody catches is no incident: the thrower just goes on, as in Camunda 8.
   */
  void throwEscalation(ElementInstance thrower, String escalationCode) {
    Catch found = findCatch(thrower, boundary -> boundary.catchesEscalation(escalationCode));
    if (found != null) {
      trigger(found, null);
    }
  }

  /** A boundary event that catches a thrown error or escalation, and the activity instance it is attached to. */
  /**
   * What catches a thrown error or escalation: a boundary event and the activity instance it is attached to, or the
   * start event of an event subprocess and the scope instance it runs in.
   */
  private record Catch(ElementInstance host, ElementModel boundary) {
    boolean startsEventSubProcess() {
      return boundary.kind() == ElementKind.START_EVENT;
    }
  }

  /**
   * Walks outwards from the thrower: in each scope, its event subprocesses catch first (they are inside it), then
   * the boundary events on it. An error thrown inside an event subprocess is not caught by its sibling event
   * subprocesses, only further out.
   */
  private Catch findCatch(ElementInstance thrower, Predicate<ElementModel> catches) {
    ElementInstance previous = null;
    for (ElementInstance current = thrower; current != null; previous = current, current = enclosing(current)) {
      boolean fromEventSubProcess = previous != null && previous.kind == ElementKind.EVENT_SUB_PROCESS;
      if (current.kind.isContainer() && !fromEventSubProcess) {
        for (ElementModel eventSubProcess : model(current).eventSubProcesses()) {
          if (catches.test(eventSubProcess.eventStartEvent())) {
            return new Catch(current, eventSubProcess.eventStartEvent());
          }
        }
      }
      for (ElementModel boundary : boundaryEventsOf(current)) {
        if (catches.test(boundary)) {
          return new Catch(current, boundary);
        }
      }
    }
    return null;
  }

  private void trigger(Catch found, Map<String, Object> eventVariablesToSet) {
    if (found.startsEventSubProcess()) {
      startEventSubProcess(found.host(), found.boundary(), eventVariablesToSet == null ? Map.of() : eventVariablesToSet);
      return;
    }
    ElementInstance scope = parent(found.host());
    if (found.boundary().interrupting()) {
      terminate(found.host());
    }
    ElementInstance event = activate(found.boundary(), scope);
    if (eventVariablesToSet != null && !eventVariablesToSet.isEmpty()) {
      eventVariables.put(event.key, eventVariablesToSet);
    }
  }

  /** Boundary events attach to a multi-instance body, not to its inner instances. */
  private List<ElementModel> boundaryEventsOf(ElementInstance instance) {
    ElementModel element = model(instance);
    return element.isMultiInstance() && instance.kind != ElementKind.MULTI_INSTANCE_BODY ? List.of()
        : element.boundaryEvents();
  }

  /** The flow scope, or for the root of a called process, the call activity that started it. */
  private ElementInstance enclosing(ElementInstance instance) {
    if (!instance.isRoot()) {
      return parent(instance);
    }
    return instance.parentElementInstanceKey == 0 ? null : state.elementInstance(instance.parentElementInstanceKey);
  }

  void jobOutOfRetries(Job job) {
    String message = job.errorMessage == null || job.errorMessage.isBlank() ? "No more retries left." : job.errorMessage;
    raiseIncident(state.elementInstance(job.elementInstanceKey), "JOB_NO_RETRIES", message, job.key,
        Incident.Retry.JOB);
  }

  /** Retries the step that failed. */
  void resolve(Incident incident) {
    ElementInstance instance = state.elementInstance(incident.elementInstanceKey);
    clearIncident(incident, instance);
    switch (incident.retry) {
      case ACTIVATE_ELEMENT -> agenda.add(() -> onActivating(instance));
      case COMPLETE_ELEMENT -> agenda.add(() -> onCompleting(instance, null));
      case JOB -> {
        Job job = state.job(incident.jobKey);
        if (job.retries > 0) {
          job.state = JobState.ACTIVATABLE;
          job.lastIntent = "RETRIES_UPDATED";
          job.worker = null;
          state.jobChanged(job);
          history.job(job, "RECURRED_AFTER_INCIDENT");
          listener.jobCreated(job);
        } else {
          jobOutOfRetries(job);
        }
      }
    }
    drain();
  }

  // ---------------------------------------------------------------- life cycle

  ElementInstance activate(ElementModel element, ElementInstance scope) {
    ElementKind kind = element.isMultiInstance() && !MultiInstance.isBodyOf(scope, element)
        ? ElementKind.MULTI_INSTANCE_BODY : element.kind();
    ElementInstance instance = new ElementInstance(state.nextKey(), scope.processInstanceKey,
        scope.processDefinitionKey, scope.bpmnProcessId, scope.version, element.id(), element.name(), kind,
        scope.key, clock.getAsLong());
    state.addElementInstance(instance);
    Map<String, Object> arriving = arrivingTriggers.remove(scope.key + "/" + element.id());
    if (arriving != null) {
      eventVariables.put(instance.key, arriving);
    }
    agenda.add(() -> onActivating(instance));
    return instance;
  }

  private void onActivating(ElementInstance instance) {
    if (instance.state != Lifecycle.ACTIVATING) {
      return; // terminated meanwhile
    }
    ElementModel element = model(instance);
    if (instance.kind == ElementKind.MULTI_INSTANCE_BODY) {
      if (openSubscriptions(instance, element)) {
        multiInstance.activateBody(instance, element);
      }
      return;
    }
    if (!applyInputs(instance, element)) {
      return;
    }
    boolean triggered = eventVariables.containsKey(instance.key);
    if (!triggered && !openSubscriptions(instance, element)) {
      return;
    }
    switch (element.kind()) {
      case PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS -> {
        activated(instance);
        activate(startEventOf(instance, element), instance);
      }
      case INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK, EVENT_BASED_GATEWAY -> {
        activated(instance);
        if (triggered) {
          complete(instance, eventVariables.remove(instance.key), null);
        }
      }
      case SERVICE_TASK, SEND_TASK -> createJob(instance, element);
      case BUSINESS_RULE_TASK -> {
        if (element.isJobTask()) {
          createJob(instance, element);
        } else {
          callDecision(instance, element);
        }
      }
      case USER_TASK -> {
        if (element.isJobTask()) {
          createJob(instance, element);
        } else {
          createUserTask(instance, element);
        }
      }
      case SCRIPT_TASK -> {
        if (element.isJobTask()) {
          createJob(instance, element);
        } else {
          runScript(instance, element);
        }
      }
      case EXCLUSIVE_GATEWAY -> {
        FlowModel chosen = chooseFlow(instance, element);
        if (chosen != null) {
          activated(instance);
          complete(instance, null, chosen);
        }
      }
      case INCLUSIVE_GATEWAY -> {
        List<FlowModel> chosen = inclusiveGateways.chooseFlows(instance, element);
        if (chosen != null) {
          activated(instance);
          completeTaking(instance, null, chosen);
        }
      }
      case CALL_ACTIVITY -> callActivities.activate(instance, element);
      case END_EVENT -> {
        if (element.thrownErrorCode() != null) {
          String code = thrownCode(instance, element.thrownErrorCode(), "error code");
          if (code != null) {
            throwError(instance, code, null, null, 0, Incident.Retry.ACTIVATE_ELEMENT);
          }
          return;
        }
        if (!escalate(instance, element)) {
          return;
        }
        activated(instance);
        if (element.isTerminateEndEvent()) {
          terminateSiblings(instance);
        }
        complete(instance, null, null);
      }
      default -> {
        if (!escalate(instance, element)) {
          return;
        }
        activated(instance);
        complete(instance, eventVariables.remove(instance.key), null);
      }
    }
  }

  /** A container starts at the start event a trigger arrived at, else at its none start event. */
  private ElementModel startEventOf(ElementInstance instance, ElementModel container) {
    for (ElementModel start : container.kind() == ElementKind.EVENT_SUB_PROCESS ? List.of(container.eventStartEvent())
        : container.kind() == ElementKind.PROCESS ? container.triggeredStartEvents() : List.<ElementModel>of()) {
      if (arrivingTriggers.containsKey(instance.key + "/" + start.id())) {
        return start;
      }
    }
    arrivingTriggers.remove(instance.key + "/" + container.noneStartEvent().id());
    return container.noneStartEvent();
  }

  private boolean openSubscriptions(ElementInstance instance, ElementModel element) {
    List<ElementModel> awaited = element.awaitedEvents();
    if (element.isMultiInstance()) { // boundary events wait on the body, everything else on each inner instance
      boolean body = instance.kind == ElementKind.MULTI_INSTANCE_BODY;
      awaited = awaited.stream().filter(event -> (event.kind() == ElementKind.BOUNDARY_EVENT) == body).toList();
    }
    if (awaited.isEmpty()) {
      return true;
    }
    try {
      subscriptions.open(instance, awaited, variables.visible(instance));
      return true;
    } catch (ExpressionException e) {
      raiseIncident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), 0, Incident.Retry.ACTIVATE_ELEMENT);
      return false;
    }
  }

  /** Throws the event's escalation, if it has one; false when the thrower cannot go on (interrupted or an incident). */
  private boolean escalate(ElementInstance instance, ElementModel element) {
    if (element.thrownEscalationCode() == null) {
      return true;
    }
    String code = thrownCode(instance, element.thrownEscalationCode(), "escalation code");
    if (code == null) {
      return false;
    }
    throwEscalation(instance, code);
    return !instance.state.isFinal();
  }

  private String thrownCode(ElementInstance instance, org.tsumugi.engine.feel.Expression code, String what) {
    try {
      return asText(code.evaluate(feel, variables.visible(instance)), what, model(instance));
    } catch (ExpressionException e) {
      raiseIncident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), 0, Incident.Retry.ACTIVATE_ELEMENT);
      return null;
    }
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
    } else if (!applyOutputs(instance, element)) {
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
      takeFlow(flow, scope);
    }
    inclusiveGateways.joinWhereNoTokenCanArrive(scope);
    completeScopeIfDone(scope);
  }

  private void takeFlow(FlowModel flow, ElementInstance scope) {
    ElementModel target = flow.target();
    boolean join = target.incoming().size() > 1 && (target.kind() == ElementKind.PARALLEL_GATEWAY
        || target.kind() == ElementKind.INCLUSIVE_GATEWAY);
    if (join) {
      Map<String, Integer> tokens = scope.joinTokens.computeIfAbsent(target.id(), id -> new HashMap<>());
      tokens.merge(flow.id(), 1, Integer::sum);
      state.changed(scope);
      if (target.kind() == ElementKind.INCLUSIVE_GATEWAY) {
        // decided once the step that took this flow has taken its other flows too, which may still reach the join
        agenda.add(() -> inclusiveGateways.joinWhereNoTokenCanArrive(scope));
      } else {
        tryJoin(target, scope);
      }
      return;
    }
    activate(target, scope);
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
        ? !inclusiveGateways.aTokenMayStillArrive(scope, gateway, tokens)
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
    activate(gateway, scope);
    return true;
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
    if (instance.jobKey != 0) {
      Job job = state.job(instance.jobKey);
      if (job != null && !job.state.isFinal()) {
        job.state = JobState.CANCELED;
        job.lastIntent = "CANCELED";
        job.endDate = clock.getAsLong();
        state.jobChanged(job);
        history.job(job, "CANCELED");
      }
    }
    if (instance.kind == ElementKind.USER_TASK) {
      userTasks.cancel(instance);
    }
    if (instance.incidentKey != 0) {
      Incident incident = state.incident(instance.incidentKey);
      if (incident != null) {
        clearIncident(incident, instance);
      }
    }
    subscriptions.closeAll(instance.key);
    instance.joinTokens.clear();
    instance.state = Lifecycle.TERMINATED;
    instance.endDate = clock.getAsLong();
    state.changed(instance);
    history.element(instance, "ELEMENT_TERMINATED");
    state.removeElementInstance(instance);
  }

  private void terminateSiblings(ElementInstance endEvent) {
    ElementInstance scope = parent(endEvent);
    for (ElementInstance sibling : state.children(scope.key)) {
      if (sibling.key != endEvent.key) {
        terminate(sibling);
      }
    }
    scope.joinTokens.clear();
    state.changed(scope);
  }

  // ---------------------------------------------------------------- behaviours

  private void createJob(ElementInstance instance, ElementModel element) {
    Map<String, Object> context = variables.visible(instance);
    String type;
    int retries;
    Map<String, String> headers;
    try {
      type = asText(element.jobType().evaluate(feel, context), "job type", element);
      retries = asInt(element.jobRetries().evaluate(feel, context), "job retries", element);
      headers = element.kind() == ElementKind.USER_TASK ? userTasks.jobHeaders(instance, element, context)
          : element.taskHeaders();
    } catch (ExpressionException | IncidentCause e) {
      activationFailed(instance, e);
      return;
    }
    Job job = new Job(state.nextKey(), type, instance.key, instance.processInstanceKey, instance.processDefinitionKey,
        instance.bpmnProcessId, instance.version, instance.elementId, headers, retries);
    instance.jobKey = job.key;
    activated(instance);
    state.putJob(job);
    history.job(job, "CREATED");
    listener.jobCreated(job);
  }

  private void createUserTask(ElementInstance instance, ElementModel element) {
    try {
      userTasks.create(instance, element, variables.visible(instance));
    } catch (ExpressionException | IncidentCause e) {
      activationFailed(instance, e);
      return;
    }
    activated(instance);
  }

  /** A value the element needs did not evaluate, or what it links to is missing: resolving retries. */
  private void activationFailed(ElementInstance instance, RuntimeException failure) {
    String type = failure instanceof IncidentCause cause ? cause.errorType() : "EXTRACT_VALUE_ERROR";
    raiseIncident(instance, type, failure.getMessage(), 0, Incident.Retry.ACTIVATE_ELEMENT);
  }

  private void runScript(ElementInstance instance, ElementModel element) {
    Object result;
    try {
      result = element.script().evaluate(feel, variables.visible(instance));
    } catch (ExpressionException e) {
      raiseIncident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), 0, Incident.Retry.ACTIVATE_ELEMENT);
      return;
    }
    activated(instance);
    Map<String, Object> output = new LinkedHashMap<>();
    if (element.resultVariable() != null && !element.resultVariable().isBlank()) {
      output.put(element.resultVariable(), result);
    }
    complete(instance, output, null);
  }

  /** Evaluated at once, without a job; the result variable then goes through the output mappings. */
  private void callDecision(ElementInstance instance, ElementModel element) {
    DecisionCalls.Outcome outcome = decisions.call(instance, element, variables.visible(instance));
    if (outcome.incidentType() != null) {
      raiseIncident(instance, outcome.incidentType(), outcome.message(), 0, Incident.Retry.ACTIVATE_ELEMENT);
      return;
    }
    activated(instance);
    complete(instance, outcome.variables(), null);
  }

  private FlowModel chooseFlow(ElementInstance instance, ElementModel gateway) {
    if (gateway.outgoing().size() == 1 && gateway.outgoing().get(0).condition() == null) {
      return gateway.outgoing().get(0);
    }
    Map<String, Object> context = variables.visible(instance);
    for (FlowModel flow : gateway.outgoing()) {
      if (flow == gateway.defaultFlow() || flow.condition() == null) {
        continue;
      }
      try {
        if (isTrue(flow, context)) {
          return flow;
        }
      } catch (ExpressionException e) {
        raiseIncident(instance, "CONDITION_ERROR", e.getMessage(), 0, Incident.Retry.ACTIVATE_ELEMENT);
        return null;
      }
    }
    if (gateway.defaultFlow() != null) {
      return gateway.defaultFlow();
    }
    raiseIncident(instance, "CONDITION_ERROR", "no outgoing sequence flow of exclusive gateway '" + gateway.id()
        + "' can be taken: no condition is true and there is no default flow", 0, Incident.Retry.ACTIVATE_ELEMENT);
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

  private boolean applyInputs(ElementInstance instance, ElementModel element) {
    if (element.inputs().isEmpty()) {
      return true;
    }
    Map<String, Object> context = instance.isRoot() ? new HashMap<>() : variables.visible(parent(instance));
    if (!instance.isRoot() && MultiInstance.isBodyOf(parent(instance), element)) {
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
      raiseIncident(instance, "IO_MAPPING_ERROR", e.getMessage(), 0, Incident.Retry.ACTIVATE_ELEMENT);
      return false;
    }
    variables.setLocal(instance, locals);
    return true;
  }

  private boolean applyOutputs(ElementInstance instance, ElementModel element) {
    if (element.outputs().isEmpty()) {
      return true;
    }
    Map<String, Object> context = variables.visible(instance);
    ElementInstance scope = parent(instance);
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
      raiseIncident(instance, "IO_MAPPING_ERROR", e.getMessage(), 0, Incident.Retry.COMPLETE_ELEMENT);
      return false;
    }
    variables.propagate(scope == null ? instance : scope, results);
    return true;
  }

  // ---------------------------------------------------------------- incidents

  void raiseIncident(ElementInstance instance, String type, String message, long jobKey, Incident.Retry retry) {
    Incident incident = new Incident(state.nextKey(), type, message, instance, jobKey, clock.getAsLong(), retry);
    state.putIncident(incident);
    instance.incidentKey = incident.key;
    state.changed(instance);
    ElementInstance root = state.elementInstance(instance.processInstanceKey);
    root.openIncidents++;
    state.changed(root);
    history.incident(incident, "CREATED");
  }

  private void clearIncident(Incident incident, ElementInstance instance) {
    state.incidentResolved(incident);
    history.incident(incident, "RESOLVED");
    instance.incidentKey = 0;
    state.changed(instance);
    ElementInstance root = state.elementInstance(instance.processInstanceKey);
    if (root != null) {
      root.openIncidents = Math.max(0, root.openIncidents - 1);
      state.changed(root);
    }
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

  private static int asInt(Object value, String what, ElementModel element) {
    try {
      int number = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExpressionException(what + " of '" + element.id() + "' must be a non-negative number, but was '" + value + "'");
  }
}
