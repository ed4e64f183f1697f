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

  /** The user task definition; null for every other kind. */
  public UserTaskModel userTask() {
    return userTask;
  }

  /** Whether this catching error event handles a thrown code. */
  public boolean catchesError(String code) {
    return errorEvent && (errorCode == null || errorCode.equals(code));
  }
}
