package org.tsumugi.engine.state;

import java.util.Map;

/** A unit of work for a job worker, created by a service-like task. */
public final class Job extends Entity {
  public final String type;
  public final long elementInstanceKey;
  public final long processInstanceKey;
  public final long processDefinitionKey;
  public final String bpmnProcessId;
  public final int version;
  public final String elementId;
  public final Map<String, String> customHeaders;
  public JobState state = JobState.ACTIVATABLE;
  public int retries;
  public String worker;
  /** While activated: when the lock runs out. */
  public long deadline;
  /** While failed with retries left: when it may be activated again. */
  public long recurAt;
  public String errorMessage;
  public String errorCode;
  /** The last change as the REST API names it (CREATED, FAILED, TIMED_OUT, ...). */
  public String lastIntent = "CREATED";
  public long endDate;

  public Job(long key, String type, long elementInstanceKey, long processInstanceKey, long processDefinitionKey,
      String bpmnProcessId, int version, String elementId, Map<String, String> customHeaders, int retries) {
    super(key);
    this.type = type;
    this.elementInstanceKey = elementInstanceKey;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    this.customHeaders = Map.copyOf(customHeaders);
    this.retries = retries;
  }
}
