package org.tsumugi.engine.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.LongSupplier;
import org.tsumugi.engine.model.UserTaskDates;
import org.tsumugi.engine.processing.Command.AssignUserTask;
import org.tsumugi.engine.processing.Command.CompleteUserTask;
import org.tsumugi.engine.processing.Command.UnassignUserTask;
import org.tsumugi.engine.processing.Command.UpdateUserTask;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.UserTask;

/**
 * What people do with an open user task: claim or assign, release, change its schedule and
 * candidates, complete it. A command with an acting user may only claim a task the user is a
 * candidate for, and complete or release a task assigned to them.
 */
final class UserTaskOperations {
  private final EngineState state;
  private final BpmnExecutor executor;
  private final LongSupplier clock;
  private final History history;

  UserTaskOperations(EngineState state, BpmnExecutor executor, LongSupplier clock, History history) {
    this.state = state;
    this.executor = executor;
    this.clock = clock;
    this.history = history;
  }

  Object complete(CompleteUserTask command) {
    UserTask task = openTask(command.userTaskKey());
    ActingUser actor = command.actor();
    if (actor != null && !actor.userId().equals(task.assignee)
        && !(task.assignee == null && task.isCandidate(actor.userId(), actor.groups()))) {
      throw Rejection.forbidden("user '" + actor.userId() + "' may not complete user task " + task.key + ": it is "
          + (task.assignee == null ? "not assigned, and they are no candidate for it" : "assigned to someone else"));
    }
    task.state = UserTask.State.COMPLETED;
    task.completionDate = clock.getAsLong();
    state.userTasks().finished(task);
    state.changed(task);
    history.userTask(task, "COMPLETED", action(command.action(), "complete"));
    executor.completeUserTaskElement(state.elementInstance(task.elementInstanceKey), command.variables());
    return task.key;
  }

  Object assign(AssignUserTask command) {
    if (command.assignee() == null || command.assignee().isBlank()) {
      throw Rejection.invalidArgument("assignee must name the user to assign user task " + command.userTaskKey()
          + " to");
    }
    UserTask task = openTask(command.userTaskKey());
    String assignee = command.assignee().strip();
    ActingUser actor = command.actor();
    boolean claim = actor != null && actor.userId().equals(assignee);
    if (claim && task.assignee == null && !task.isCandidate(actor.userId(), actor.groups())) {
      throw Rejection.forbidden("user '" + actor.userId() + "' may not claim user task " + task.key
          + ": they are neither a candidate user nor in a candidate group");
    }
    if (task.assignee != null && !task.assignee.equals(assignee) && (!command.allowOverride() || claim)) {
      throw Rejection.invalidState("user task " + task.key + " is already assigned to another user; unassign it"
          + " first, or allow overriding the assignee");
    }
    task.assignee = assignee;
    state.changed(task);
    history.userTask(task, "ASSIGNED", action(command.action(), claim ? "claim" : "assign"));
    return task.key;
  }

  Object unassign(UnassignUserTask command) {
    UserTask task = openTask(command.userTaskKey());
    ActingUser actor = command.actor();
    if (actor != null && task.assignee != null && !actor.userId().equals(task.assignee)) {
      throw Rejection.forbidden("user '" + actor.userId() + "' may not unassign user task " + task.key
          + ": it is assigned to someone else");
    }
    task.assignee = null;
    state.changed(task);
    history.userTask(task, "ASSIGNED", action(command.action(), "unassign"));
    return task.key;
  }

  Object update(UpdateUserTask command) {
    if (command.priority() != null && (command.priority() < 0 || command.priority() > 100)) {
      throw Rejection.invalidArgument("priority must be from 0 to 100, but was " + command.priority());
    }
    long due = date(command.dueDate(), "dueDate");
    long followUp = date(command.followUpDate(), "followUpDate");
    UserTask task = openTask(command.userTaskKey());
    if (command.dueDate() != null) {
      task.dueDate = due;
    }
    if (command.followUpDate() != null) {
      task.followUpDate = followUp;
    }
    if (command.candidateGroups() != null) {
      task.candidateGroups = names(command.candidateGroups(), "candidateGroups");
    }
    if (command.candidateUsers() != null) {
      task.candidateUsers = names(command.candidateUsers(), "candidateUsers");
    }
    if (command.priority() != null) {
      task.priority = command.priority();
    }
    state.changed(task);
    history.userTask(task, "UPDATED", action(command.action(), "update"));
    return task.key;
  }

  private UserTask openTask(long key) {
    UserTask task = state.userTasks().task(key);
    if (task == null) {
      throw Rejection.notFound("no open user task found with key " + key);
    }
    return task;
  }

  /** An empty text clears the date. */
  private static long date(String text, String field) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return UserTaskDates.parse(text);
    } catch (IllegalArgumentException e) {
      throw Rejection.invalidArgument(field + " must be an ISO 8601 date-time such as 2025-04-01T17:00:00+09:00,"
          + " but was '" + text + "'");
    }
  }

  private static List<String> names(List<String> names, String field) {
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String name : names) {
      if (name == null || name.isBlank()) {
        throw Rejection.invalidArgument(field + " must not contain empty names");
      }
      distinct.add(name.strip());
    }
    return new ArrayList<>(distinct);
  }

  private static String action(String given, String fallback) {
    return given == null || given.isBlank() ? fallback : given;
  }
}
