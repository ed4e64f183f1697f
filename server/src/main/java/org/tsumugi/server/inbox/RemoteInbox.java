package org.tsumugi.server.inbox;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tsumugi.server.web.CurrentUser;
import org.tsumugi.server.web.Json;

/**
 * The inbox on a Camunda 8 cluster ({@code tsumugi.mode=remote}), through its user task API. The cluster
 * knows only the client's account, not the signed-in person, so the rules the embedded engine applies to a
 * person's commands are applied here before each command; the claim itself still refuses to override, so a
 * colleague's claim in between is not taken away.
 */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "remote")
@Component
class RemoteInbox implements TaskInbox {
  /** One page per search: more open tasks for one person than this is beyond what a list can show. */
  private static final int PAGE = 1000;
  /** Due date first (none last), then the more urgent, then the older: the embedded inbox's order. */
  private static final Comparator<InboxTask> ORDER = Comparator
      .comparing(InboxTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(InboxTask::priority, Comparator.reverseOrder())
      .thenComparingLong(InboxTask::creationDate);

  private final CamundaClient client;

  RemoteInbox(CamundaClient client) {
    this.client = client;
  }

  /** The cluster's clock cannot be read or moved from here; the server's is close enough for due dates. */
  @Override
  public long now() {
    return System.currentTimeMillis();
  }

  @Override
  public List<InboxTask> open(CurrentUser user, InboxFilter filter, long now) {
    Map<Long, InboxTask> found = new LinkedHashMap<>();
    // the API has no "or" across fields: one search per way a task reaches the person
    search(f -> f.state(UserTaskState.CREATED).assignee(user.id()), found);
    search(f -> f.state(UserTaskState.CREATED).assignee(a -> a.exists(false)).candidateUser(user.id()), found);
    if (!user.groups().isEmpty()) {
      search(f -> f.state(UserTaskState.CREATED).assignee(a -> a.exists(false))
          .candidateGroup(g -> g.in(List.copyOf(user.groups()))), found);
    }
    return found.values().stream().filter(task -> filter.admits(task, now)).sorted(ORDER).toList();
  }

  private void search(Consumer<UserTaskFilter> filter, Map<Long, InboxTask> into) {
    call(() -> client.newUserTaskSearchRequest().filter(filter).page(p -> p.limit(PAGE)).send()).items()
        .forEach(task -> into.putIfAbsent(task.getUserTaskKey(), task(task)));
  }

  @Override
  public Map<String, String> processes() {
    Map<String, String> names = new TreeMap<>();
    call(() -> client.newUserTaskSearchRequest().filter(f -> f.state(UserTaskState.CREATED))
        .page(p -> p.limit(PAGE)).send()).items().forEach(task -> names.putIfAbsent(task.getBpmnProcessId(),
            task.getProcessName() == null ? task.getBpmnProcessId() : task.getProcessName()));
    return names;
  }

  @Override
  public Optional<InboxTask> task(long key) {
    try {
      return Optional.of(task(call(() -> client.newUserTaskGetRequest(key).send())));
    } catch (TaskRefused refused) {
      if (refused.status() == 404) {
        return Optional.empty();
      }
      throw refused;
    }
  }

  @Override
  public Optional<String> formSchema(InboxTask task) {
    if (task.formKey() == null) {
      return Optional.empty();
    }
    Form form = call(() -> client.newUserTaskGetFormRequest(task.key()).send());
    if (form == null || form.getSchema() == null) {
      return Optional.empty();
    }
    return Optional.of(form.getSchema() instanceof String text ? text : Json.write(form.getSchema()));
  }

  @Override
  public Map<String, Object> variables(long key) {
    Map<String, Object> seen = new TreeMap<>();
    for (Variable variable : call(() -> client.newUserTaskVariableSearchRequest(key).withFullValues()
        .page(p -> p.limit(PAGE)).send()).items()) {
      seen.put(variable.getName(), Json.read(variable.getValue()));
    }
    return new LinkedHashMap<>(seen);
  }

  @Override
  public void claim(long key, CurrentUser user) {
    InboxTask task = open(key);
    if (task.assignee() == null && !task.offeredTo(user.id(), user.groups())) {
      throw new TaskRefused(403, "user '" + user.id() + "' may not claim user task " + key
          + ": they are neither a candidate user nor in a candidate group");
    }
    if (task.assignedTo(user.id())) {
      return; // a cluster may refuse to assign again without override; the person has it already
    }
    if (task.assignee() != null) {
      throw new TaskRefused(409, "user task " + key + " is already assigned to another user");
    }
    call(() -> client.newAssignUserTaskCommand(key).assignee(user.id()).allowOverride(false).action("claim").send());
  }

  @Override
  public void unclaim(long key, CurrentUser user) {
    InboxTask task = open(key);
    if (task.assignee() != null && !task.assignedTo(user.id())) {
      throw new TaskRefused(403, "user '" + user.id() + "' may not unassign user task " + key
          + ": it is assigned to someone else");
    }
    call(() -> client.newUnassignUserTaskCommand(key).send());
  }

  @Override
  public void complete(long key, Map<String, Object> variables, CurrentUser user) {
    InboxTask task = open(key);
    if (!task.assignedTo(user.id()) && !(task.assignee() == null && task.offeredTo(user.id(), user.groups()))) {
      throw new TaskRefused(403, "user '" + user.id() + "' may not complete user task " + key);
    }
    call(() -> client.newCompleteUserTaskCommand(key).variables(variables).action("complete").send());
  }

  /** The task while it is open; a finished one answers 404, as the cluster does for commands on it. */
  private InboxTask open(long key) {
    InboxTask task = task(key).orElseThrow(() -> new TaskRefused(404, "no user task " + key));
    if (!UserTaskState.CREATED.name().equals(task.state())) {
      throw new TaskRefused(404, "user task " + key + " is " + task.state() + " and can no longer be changed");
    }
    return task;
  }

  /** Waits for the cluster; its refusals become the inbox's, an unreachable cluster a 503. */
  private static <T> T call(Supplier<CamundaFuture<T>> request) {
    try {
      return request.get().join();
    } catch (ProblemException e) {
      String detail = e.details() != null && e.details().getDetail() != null ? e.details().getDetail()
          : e.getMessage();
      throw new TaskRefused(e.code(), detail);
    } catch (ClientHttpException e) {
      throw new TaskRefused(e.code(), e.getMessage());
    } catch (ClientException e) {
      throw new TaskRefused(503, "the Camunda cluster did not answer: " + e.getMessage());
    }
  }

  private static InboxTask task(UserTask task) {
    return new InboxTask(task.getUserTaskKey(), task.getName(), task.getElementId(), task.getBpmnProcessId(),
        task.getProcessName(), task.getProcessInstanceKey() == null ? 0 : task.getProcessInstanceKey(),
        task.getAssignee(), names(task.getCandidateGroups()), names(task.getCandidateUsers()),
        millis(task.getDueDate()), task.getPriority() == null ? 50 : task.getPriority(),
        task.getCreationDate() == null ? 0 : millis(task.getCreationDate()),
        task.getFormKey() == null || task.getFormKey() == 0 ? null : task.getFormKey(),
        task.getState() == null ? null : task.getState().name());
  }

  private static List<String> names(List<String> names) {
    return names == null ? List.of() : new ArrayList<>(names);
  }

  private static Long millis(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toEpochMilli();
  }
}
