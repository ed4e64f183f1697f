package org.tsumugi.engine.processing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.FlowModel;
import org.tsumugi.engine.model.Mapping;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
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
  private final UserTaskBehavior userTasks;
  private final Deque<Runnable> agenda = new ArrayDeque<>();
  /** Variables a catch event carries from its trigger to its completion, within one command. */
  private final Map<Long, Map<String, Object>> eventVariables = new HashMap<>();

  /** What the processor needs to hear about as instances move. */
  interface Listener {
    void jobCreated(Job job);

    void processCompleted(ElementInstance root, Map<String, Object> variables);

    void processTerminated(ElementInstance root);
  }

  BpmnExecutor(EngineState state, FeelEngine feel, LongSupplier clock, History history, Variables variables,
      Listener listener) {
    this.state = state;
    this.feel = feel;
    this.clock = clock;
    this.history = history;
    this.variables = variables;
    this.listener = listener;
    this.userTasks = new UserTaskBehavior(state, feel, clock, history);
  }

  Variables variables() {
    return variables;
  }

  // ---------------------------------------------------------------- entry points

  ElementInstance startProcess(ProcessDefinition definition, Map<String, Object> initialVariables) {
    long key = state.nextKey();
    ElementModel root = definition.model.root();
    ElementInstance instance = new ElementInstance(key, key, definition.key, definition.bpmnProcessId,
        definition.version, root.id(), definition.name, ElementKind.PROCESS, -1, clock.getAsLong());
    state.addElementInstance(instance);
    variables.setLocal(instance, initialVariables);
    agenda.add(() -> onActivating(instance));
    drain();
    return instance;
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

  /** A job's BPMN error: caught by the nearest matching error boundary, else an incident. */
  boolean throwError(Job job, String errorCode, String errorMessage, Map<String, Object> errorVariables) {
    ElementInstance thrower = state.elementInstance(job.elementInstanceKey);
    for (ElementInstance current = thrower; current != null; current = parent(current)) {
      ElementModel element = model(current);
      for (ElementModel boundary : element.boundaryEvents()) {
        if (boundary.catchesError(errorCode)) {
          ElementInstance scope = parent(current);
          if (boundary.interrupting()) {
            terminate(current);
          }
          ElementInstance event = activate(boundary, scope);
          if (errorVariables != null && !errorVariables.isEmpty()) {
            eventVariables.put(event.key, errorVariables);
          }
          drain();
          return true;
        }
      }
    }
    String detail = "an error with code '" + errorCode + "'" + (errorMessage == null || errorMessage.isBlank() ? ""
        : " and message '" + errorMessage + "'") + " was thrown, but no error boundary event catches it";
    raiseIncident(thrower, "UNHANDLED_ERROR_EVENT", detail, job.key, Incident.Retry.JOB);
    return false;
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

  private ElementInstance activate(ElementModel element, ElementInstance scope) {
    ElementInstance instance = new ElementInstance(state.nextKey(), scope.processInstanceKey,
        scope.processDefinitionKey, scope.bpmnProcessId, scope.version, element.id(), element.name(), element.kind(),
        scope.key, clock.getAsLong());
    state.addElementInstance(instance);
    agenda.add(() -> onActivating(instance));
    return instance;
  }

  private void onActivating(ElementInstance instance) {
    if (instance.state != Lifecycle.ACTIVATING) {
      return; // terminated meanwhile
    }
    ElementModel element = model(instance);
    if (!applyInputs(instance, element)) {
      return;
    }
    switch (element.kind()) {
      case PROCESS, SUB_PROCESS -> {
        activated(instance);
        activate(element.noneStartEvent(), instance);
      }
      case SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK -> createJob(instance, element);
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
      case END_EVENT -> {
        activated(instance);
        if (element.isTerminateEndEvent()) {
          terminateSiblings(instance);
        }
        complete(instance, null, null);
      }
      default -> {
        activated(instance);
        complete(instance, eventVariables.remove(instance.key), null);
      }
    }
  }

  private void activated(ElementInstance instance) {
    instance.state = Lifecycle.ACTIVATED;
    state.changed(instance);
    history.element(instance, "ELEMENT_ACTIVATED");
  }

  private void complete(ElementInstance instance, Map<String, Object> completionVariables, FlowModel chosenFlow) {
    instance.state = Lifecycle.COMPLETING;
    state.changed(instance);
    agenda.add(() -> {
      ElementModel element = model(instance);
      if (element.outputs().isEmpty()) {
        variables.propagate(instance, completionVariables);
      } else {
        variables.setLocal(instance, completionVariables);
      }
      onCompleting(instance, chosenFlow);
    });
  }

  private void onCompleting(ElementInstance instance, FlowModel chosenFlow) {
    if (instance.state != Lifecycle.COMPLETING) {
      return;
    }
    ElementModel element = model(instance);
    if (!applyOutputs(instance, element)) {
      return;
    }
    instance.state = Lifecycle.COMPLETED;
    instance.endDate = clock.getAsLong();
    state.changed(instance);
    history.element(instance, "ELEMENT_COMPLETED");
    if (instance.isRoot()) {
      Map<String, Object> result = variables.visible(instance);
      state.removeElementInstance(instance);
      listener.processCompleted(instance, result);
      return;
    }
    ElementInstance scope = parent(instance);
    state.removeElementInstance(instance);
    List<FlowModel> flows = chosenFlow != null ? List.of(chosenFlow) : element.outgoing();
    for (FlowModel flow : flows) {
      takeFlow(flow, scope);
    }
    completeScopeIfDone(scope);
  }

  private void takeFlow(FlowModel flow, ElementInstance scope) {
    ElementModel target = flow.target();
    if (target.kind() == ElementKind.PARALLEL_GATEWAY && target.incoming().size() > 1) {
      Map<String, Integer> tokens = scope.joinTokens.computeIfAbsent(target.id(), id -> new HashMap<>());
      tokens.merge(flow.id(), 1, Integer::sum);
      state.changed(scope);
      boolean joined = target.incoming().stream().allMatch(in -> tokens.getOrDefault(in.id(), 0) > 0);
      if (!joined) {
        return;
      }
      for (FlowModel in : target.incoming()) {
        tokens.computeIfPresent(in.id(), (id, count) -> count > 1 ? count - 1 : null);
      }
      if (tokens.isEmpty()) {
        scope.joinTokens.remove(target.id());
      }
    }
    activate(target, scope);
  }

  private void completeScopeIfDone(ElementInstance scope) {
    if (scope.state == Lifecycle.ACTIVATED && state.activeChildCount(scope.key) == 0 && scope.waitingTokens() == 0) {
      complete(scope, null, null);
    }
  }

  /** Terminates an instance and everything inside it, at once; the caller decides what follows. */
  private void terminate(ElementInstance instance) {
    if (instance.state.isFinal()) {
      return;
    }
    instance.state = Lifecycle.TERMINATING;
    for (ElementInstance child : state.children(instance.key)) {
      terminate(child);
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
        Object value = flow.condition().evaluate(feel, context);
        if (value != null && !(value instanceof Boolean)) {
          throw new ExpressionException("condition '" + flow.condition().source() + "' of sequence flow '" + flow.id()
              + "' must be a boolean, but was " + value.getClass().getSimpleName() + " '" + value + "'");
        }
        if (Boolean.TRUE.equals(value)) {
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

  private boolean applyInputs(ElementInstance instance, ElementModel element) {
    if (element.inputs().isEmpty()) {
      return true;
    }
    Map<String, Object> context = instance.isRoot() ? new HashMap<>() : variables.visible(parent(instance));
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

  private void raiseIncident(ElementInstance instance, String type, String message, long jobKey, Incident.Retry retry) {
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

  private ElementInstance parent(ElementInstance instance) {
    return instance.isRoot() ? null : state.elementInstance(instance.flowScopeKey);
  }

  private ElementModel model(ElementInstance instance) {
    return state.definition(instance.processDefinitionKey).model.element(instance.elementId);
  }

  private static String asText(Object value, String what, ElementModel element) {
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
