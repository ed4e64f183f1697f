package org.tsumugi.server.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tsumugi.server.web.CurrentUser;

/**
 * Where the inbox finds and works user tasks: the embedded engine's tables and commands, or a Camunda 8
 * cluster's user task API in remote mode ({@code tsumugi.mode}). Both refuse the same things with a
 * {@link TaskRefused}: a person may claim only what is offered to them, and release or complete only what
 * is theirs (or offered to them while unclaimed).
 */
interface TaskInbox {

  /** The time due dates are compared with: the engine's clock, which tests can move. */
  long now();

  /** Open tasks assigned to the user, or unassigned and offered to them or one of their groups. */
  List<InboxTask> open(CurrentUser user, InboxFilter filter, long now);

  /** The processes that have open user tasks, for the filter's choices: id to name. */
  Map<String, String> processes();

  Optional<InboxTask> task(long key);

  /** The Camunda Form of the task, as JSON, if it has one. */
  Optional<String> formSchema(InboxTask task);

  /**
   * The variables the task sees: its element's and every enclosing scope's, an inner one hiding an outer one
   * of the same name.
   */
  Map<String, Object> variables(long key);

  void claim(long key, CurrentUser user);

  void unclaim(long key, CurrentUser user);

  void complete(long key, Map<String, Object> variables, CurrentUser user);

  /** The engine's or the cluster's refusal, with the HTTP status it answered (404 gone, 403 not yours, 409 taken). */
  final class TaskRefused extends RuntimeException {
    private final int status;

    TaskRefused(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
