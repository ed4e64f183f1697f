package org.tsumugi.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsumugi.engine.feel.Expression;

/**
 * One executable element of a deployed process, read once from the BPMN at deployment. Differences
 * between kinds are data (job type, script, mappings, attached events), not subclasses.
 */
public final class ElementModel {
  final String id;
  final String name;
  final ElementKind kind;
  ElementModel flowScope;
  final List<FlowModel> outgoing = new ArrayList<>();
  final List<FlowModel> incoming = new ArrayList<>();
  FlowModel defaultFlow;
  final List<Mapping> inputs = new ArrayList<>();
  final List<Mapping> outputs = new ArrayList<>();

  // job-worker tasks
  Expression jobType;
  Expression jobRetries;
  final Map<String, String> taskHeaders = new LinkedHashMap<>();

  // FEEL script tasks
  Expression script;
  String resultVariable;

  // business rule tasks with zeebe:calledDecision (result in resultVariable)
  Expression calledDecisionId;
  String decisionBinding;
  String decisionVersionTag;

  // containers
  ElementModel noneStartEvent;
  final List<ElementModel> children = new ArrayList<>();

  // boundary events (on the host) and their definition (on the event)
  final List<ElementModel> boundaryEvents = new ArrayList<>();
  ElementModel attachedTo;
  boolean interrupting = true;
  boolean errorEvent;
  String errorCode;

  // end events
  boolean terminate;

  // catch events (start, intermediate, boundary, receive task): what they wait for
  Trigger trigger = Trigger.NONE;
  TimerDefinition timer;
  Expression messageName;
  Expression correlationKey;
  Expression signalName;

  // containers: event subprocesses listen while their container is active
  final List<ElementModel> eventSubProcesses = new ArrayList<>();
  // process: start events that wait for a timer, message or signal
  final List<ElementModel> triggeredStartEvents = new ArrayList<>();
  // event subprocess: its one start event
  ElementModel eventStartEvent;

  // error and escalation throw events, and escalation boundary events
  Expression thrownErrorCode;
  Expression thrownEscalationCode;
  boolean escalationEvent;
  String escalationCode;

  // call activities, multi-instance activities, and the process's zeebe:versionTag (on the root)
  CalledElement calledElement;
  LoopCharacteristics loop;
  String versionTag;

  // user tasks (job-based ones also have a job type)
  UserTaskModel userTask;

  ElementModel(String id, String name, ElementKind kind) {
    this.id = id;
    this.name = name;
    this.kind = kind;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ElementKind kind() {
    return kind;
  }

  public ElementModel flowScope() {
    return flowScope;
  }

  public List<FlowModel> outgoing() {
    return outgoing;
  }

  public List<FlowModel> incoming() {
    return incoming;
  }

  public FlowModel defaultFlow() {
    return defaultFlow;
  }

  public List<Mapping> inputs() {
    return inputs;
  }

  public List<Mapping> outputs() {
    return outputs;
  }

  public boolean isJobTask() {
    return jobType != null;
  }

  public Expression jobType() {
    return jobType;
  }

  public Expression jobRetries() {
    return jobRetries;
  }

  public Map<String, String> taskHeaders() {
    return taskHeaders;
  }

  public Expression script() {
    return script;
  }

  public String resultVariable() {
    return resultVariable;
  }

  /** The called decision's id (literal or FEEL); null unless the task evaluates a decision itself. */
  public Expression calledDecisionId() {
    return calledDecisionId;
  }

  /** The zeebe:calledDecision bindingType: "latest" (the default), "deployment" or "versionTag". */
  public String decisionBinding() {
    return decisionBinding;
  }

  /** With bindingType "versionTag": the tag the called decision must carry. */
  public String decisionVersionTag() {
    return decisionVersionTag;
  }

  public ElementModel noneStartEvent() {
    return noneStartEvent;
  }

  public List<ElementModel> boundaryEvents() {
    return boundaryEvents;
  }

  public ElementModel attachedTo() {
    return attachedTo;
  }

  public boolean interrupting() {
    return interrupting;
  }

  public boolean isErrorEvent() {
    return errorEvent;
  }

  /** The caught error code; null catches every error. */
  public String errorCode() {
    return errorCode;
  }

  public boolean isTerminateEndEvent() {
    return terminate;
  }

  public Trigger trigger() {
    return trigger;
  }

  public TimerDefinition timer() {
    return timer;
  }

  /** Message name, literal or FEEL. */
  public Expression messageName() {
    return messageName;
  }

  /** Correlation key of an intermediate or boundary message event (FEEL, evaluated when it starts waiting). */
  public Expression correlationKey() {
    return correlationKey;
  }

  public Expression signalName() {
    return signalName;
  }

  public List<ElementModel> eventSubProcesses() {
    return eventSubProcesses;
  }

  public List<ElementModel> triggeredStartEvents() {
    return triggeredStartEvents;
  }

  public ElementModel eventStartEvent() {
    return eventStartEvent;
  }

  /**
   * The catch events that wait while an instance of this element is active: the element itself (intermediate
   * catch event, receive task), the targets of an event-based gateway, boundary events, and the start events
   * of event subprocesses in a container. Error events are not among them: errors are thrown, not awaited.
   */
  public List<ElementModel> awaitedEvents() {
    List<ElementModel> awaited = new ArrayList<>();
    if (kind == ElementKind.INTERMEDIATE_CATCH_EVENT || kind == ElementKind.RECEIVE_TASK) {
      awaited.add(this);
    } else if (kind == ElementKind.EVENT_BASED_GATEWAY) {
      outgoing.forEach(flow -> awaited.add(flow.target()));
    }
    for (ElementModel boundary : boundaryEvents) {
      if (boundary.trigger.awaited()) {
        awaited.add(boundary);
      }
    }
    for (ElementModel eventSubProcess : eventSubProcesses) {
      if (eventSubProcess.eventStartEvent != null && eventSubProcess.eventStartEvent.trigger.awaited()) {
        awaited.add(eventSubProcess.eventStartEvent);
      }
    }
    return awaited;
  }

  /** The error code an error end event throws (literal or FEEL); null for other events. */
  public Expression thrownErrorCode() {
    return thrownErrorCode;
  }

  /** The escalation code an escalation throw or end event throws (literal or FEEL); null for other events. */
  public Expression thrownEscalationCode() {
    return thrownEscalationCode;
  }

  /** Whether this catching escalation event handles a thrown code (no code catches every escalation). */
  public boolean catchesEscalation(String code) {
    return escalationEvent && (escalationCode == null || escalationCode.equals(code));
  }

  public boolean catchesEveryEscalation() {
    return escalationEvent && escalationCode == null;
  }

  public CalledElement calledElement() {
    return calledElement;
  }

  public boolean isMultiInstance() {
    return loop != null;
  }

  public LoopCharacteristics loop() {
    return loop;
  }

  /** The process's version tag; set on the process (root) element only. */
  public String versionTag() {
    return versionTag;
  }

  /** The user task definition; null for every other kind. */
  public UserTaskModel userTask() {
    return userTask;
  }

  /** Whether this catching error event handles a thrown code. */
  public boolean catchesError(String code) {
    return errorEvent && (errorCode == null || errorCode.equals(code));
  }

  public boolean catchesEveryError() {
    return errorEvent && errorCode == null;
  }
}
