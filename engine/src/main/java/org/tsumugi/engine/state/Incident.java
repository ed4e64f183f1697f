package org.tsumugi.engine.state;

/** A problem a person must fix before the instance can go on. */
public final class Incident extends Entity {
  /** What resolving the incident retries. */
  public enum Retry {
    ACTIVATE_ELEMENT,
    COMPLETE_ELEMENT,
    JOB
  }

  public final String errorType;
  public final String errorMessage;
  public final long processInstanceKey;
  public final long processDefinitionKey;
  public final String bpmnProcessId;
  public final long elementInstanceKey;
  public final String elementId;
  public final long jobKey;
  public final long creationTime;
  public final Retry retry;
  public boolean resolved;

  public Incident(long key, String errorType, String errorMessage, ElementInstance element, long jobKey,
      long creationTime, Retry retry) {
    super(key);
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.processInstanceKey = element.processInstanceKey;
    this.processDefinitionKey = element.processDefinitionKey;
    this.bpmnProcessId = element.bpmnProcessId;
    this.elementInstanceKey = element.key;
    this.elementId = element.elementId;
    this.jobKey = jobKey;
    this.creationTime = creationTime;
    this.retry = retry;
  }
}
