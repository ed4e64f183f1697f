package org.tsumugi.server.inbox;

import java.util.List;

/** One open task as the inbox lists it; no variables (patient data) until the task is opened. */
public record InboxTask(long key, String name, String elementId, String processId, String processName,
    long processInstanceKey, String assignee, List<String> candidateGroups, List<String> candidateUsers,
    Long dueDate, int priority, long creationDate, Long formKey, String state) {

  /** From this priority up a task is marked urgent (Camunda's default is 50, the range 0–100). */
  static final int URGENT = 75;

  public boolean overdue(long now) {
    return dueDate != null && dueDate > 0 && dueDate < now;
  }

  public boolean urgent() {
    return priority >= URGENT;
  }

  public boolean assignedTo(String user) {
    return user.equals(assignee);
  }

  /**
   * Whether the person may open the task and what it refers to: its assignee or one of its candidates
   * (a candidate still sees a task a colleague claimed, as the group's shared work).
   */
  public boolean visibleTo(String user, java.util.Set<String> groups) {
    return assignedTo(user) || offeredTo(user, groups);
  }

  /** Whether the person is a candidate user or in a candidate group: the ones who may claim it. */
  public boolean offeredTo(String user, java.util.Set<String> groups) {
    return candidateUsers.contains(user) || candidateGroups.stream().anyMatch(groups::contains);
  }

  public String title() {
    return name == null || name.isBlank() ? elementId : name;
  }
}
