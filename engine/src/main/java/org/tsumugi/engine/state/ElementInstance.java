package org.tsumugi.engine.state;

import java.util.HashMap;
import java.util.Map;
import org.tsumugi.engine.model.ElementKind;

/** An element instance; the process instance itself is the root one, with no flow scope. */
public final class ElementInstance extends Entity {
  public final long processInstanceKey;
  public final long processDefinitionKey;
  public final String bpmnProcessId;
  public final int version;
  public final String elementId;
  public final String elementName;
  public final ElementKind kind;
  public final long flowScopeKey;
  public Lifecycle state = Lifecycle.ACTIVATING;
  public final long startDate;
  public long endDate;
  public long incidentKey;
  public long jobKey;
  /** Root only: how many incidents of the instance are open. */
  public int openIncidents;

  /** Root of a called process only: the calling instance and its call activity instance. */
  public long parentProcessInstanceKey;
  public long parentElementInstanceKey;
  /** Call activity only: the process instance it started (derived, not stored). */
  public long calledInstanceKey;

  /** Multi-instance body only: inner instances created, completed and terminated so far. */
  public int loopInstances;
  public int loopCompleted;
  public int loopTerminated;

  /** Tokens that arrived at a parallel join of this scope and still wait for the other branches. */
  public final Map<String, Map<String, Integer>> joinTokens = new HashMap<>();

  public ElementInstance(long key, long processInstanceKey, long processDefinitionKey, String bpmnProcessId,
      int version, String elementId, String elementName, ElementKind kind, long flowScopeKey, long startDate) {
    super(key);
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    this.elementName = elementName;
    this.kind = kind;
    this.flowScopeKey = flowScopeKey;
    this.startDate = startDate;
  }

  public boolean isRoot() {
    return flowScopeKey < 0;
  }

  public int waitingTokens() {
    return joinTokens.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
  }
}
