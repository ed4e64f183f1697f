package org.tsumugi.engine.state;

import java.util.List;
import java.util.Map;

/** Work for a person: the record behind a Camunda user task (zeebe:userTask) while its element waits. */
public final class UserTask extends Entity {
  /** As the REST API names them; only CREATED tasks are open. */
  public enum State {
    CREATED,
    COMPLETED,
    CANCELED,
    FAILED
  }

  public final long elementInstanceKey;
  public final long processInstanceKey;
  public final long processDefinitionKey;
  public final String bpmnProcessId;
  public final int version;
  public final String elementId;
  public final String name;
  public final long creationDate;
  public final long formKey;
  public final String externalFormReference;
  public final Map<String, String> customHeaders;
  public State state = State.CREATED;
  public String assignee;
  public List<String> candidateGroups;
  public List<String> candidateUsers;
  public long dueDate;
  public long followUpDate;
  public int priority;
  public long completionDate;

  public UserTask(long key, ElementInstance element, long creationDate, long formKey, String externalFormReference,
      Map<String, String> customHeaders) {
    this(key, element.key, element.processInstanceKey, element.processDefinitionKey, element.bpmnProcessId,
        element.version, element.elementId, element.elementName, creationDate, formKey, externalFormReference,
        customHeaders);
  }

  UserTask(long key, long elementInstanceKey, long processInstanceKey, long processDefinitionKey,
      String bpmnProcessId, int version, String elementId, String name, long creationDate, long formKey,
      String externalFormReference, Map<String, String> customHeaders) {
    super(key);
    this.elementInstanceKey = elementInstanceKey;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    this.name = name;
    this.creationDate = creationDate;
    this.formKey = formKey;
    this.externalFormReference = externalFormReference;
    this.customHeaders = Map.copyOf(customHeaders);
  }

  /** Whether the candidate rules let this user take the task; a task without candidates is open to all. */
  public boolean isCandidate(String userId, java.util.Collection<String> groups) {
    if (candidateUsers.isEmpty() && candidateGroups.isEmpty()) {
      return true;
    }
    return candidateUsers.contains(userId) || groups.stream().anyMatch(candidateGroups::contains);
  }
}
