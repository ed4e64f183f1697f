package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tsumugi.engine.EngineTest;
import org.tsumugi.engine.processing.ActingUser;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

/**
 * Who may claim and complete a task. The REST API has no signed-in users yet, so this is specified
 * at the engine's command level, where the tasklist's sign-in will hand in the acting user.
 */
class UserTaskPermissionSpec extends EngineTest {
  private static final ActingUser NURSE = new ActingUser("ns.yamada", Set.of("nurses"));
  private static final ActingUser CLERK = new ActingUser("clerk.mori", Set.of("clerks"));
  private static final ActingUser DOCTOR = new ActingUser("dr.ito", Set.of("doctors"));

  @Autowired CommandProcessor engine;

  private long taskFor(String candidateGroups, String candidateUsers) {
    String id = uniqueId("triage");
    deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("triage", t -> {
      t.zeebeUserTask();
      if (candidateGroups != null) {
        t.zeebeCandidateGroups(candidateGroups);
      }
      if (candidateUsers != null) {
        t.zeebeCandidateUsers(candidateUsers);
      }
    }).endEvent().done());
    long instance = start(id, Map.of()).getProcessInstanceKey();
    return client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items().get(0)
        .getUserTaskKey();
  }

  private UserTask task(long key) {
    return client.newUserTaskGetRequest(key).send().join();
  }

  private Object run(Command command) {
    return engine.submit(command).join();
  }

  private static void forbidden(Runnable action, String... detailParts) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(CompletionException.class, e -> {
      assertThat(e.getCause()).isInstanceOf(Rejection.class);
      Rejection rejection = (Rejection) e.getCause();
      assertThat(rejection.status()).isEqualTo(403);
      assertThat(rejection.getMessage()).contains(detailParts);
    });
  }

  @Test
  void aMemberOfACandidateGroupClaimsAndCompletesTheTask() {
    long key = taskFor("nurses", null);

    run(new Command.AssignUserTask(key, NURSE.userId(), true, "claim", NURSE));
    run(new Command.CompleteUserTask(key, Map.of("triaged", true), null, NURSE));

    assertThat(state(task(key).getProcessInstanceKey())).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aCandidateUserClaimsTheTask() {
    long key = taskFor("nurses", "dr.ito");

    run(new Command.AssignUserTask(key, DOCTOR.userId(), false, null, DOCTOR));

    assertThat(task(key).getAssignee()).isEqualTo("dr.ito");
  }

  @Test
  void someoneWhoIsNoCandidateCannotClaimOrCompleteTheTask() {
    long key = taskFor("nurses", "dr.ito");

    forbidden(() -> run(new Command.AssignUserTask(key, CLERK.userId(), true, "claim", CLERK)), "clerk.mori",
        Long.toString(key), "candidate");
    forbidden(() -> run(new Command.CompleteUserTask(key, Map.of("triaged", false), null, CLERK)), "clerk.mori");

    UserTask unchanged = task(key);
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(unchanged.getState().name()).isEqualTo("CREATED");
  }

  @Test
  void aTaskAssignedToOneUserCannotBeCompletedOrReleasedByAnother() {
    long key = taskFor("nurses", null);
    run(new Command.AssignUserTask(key, NURSE.userId(), true, "claim", NURSE));
    ActingUser colleague = new ActingUser("ns.kato", Set.of("nurses"));

    forbidden(() -> run(new Command.CompleteUserTask(key, Map.of(), null, colleague)), "ns.kato",
        "assigned to someone else");
    forbidden(() -> run(new Command.UnassignUserTask(key, null, colleague)), "ns.kato");
    assertThatThrownBy(() -> run(new Command.AssignUserTask(key, colleague.userId(), true, "claim", colleague)))
        .isInstanceOfSatisfying(CompletionException.class,
            e -> assertThat(((Rejection) e.getCause()).status()).as("claiming another's task").isEqualTo(409));

    assertThat(task(key).getAssignee()).isEqualTo("ns.yamada");
    run(new Command.UnassignUserTask(key, null, NURSE));
    assertThat(task(key).getAssignee()).isNull();
  }

  @Test
  void aTaskWithoutCandidatesIsOpenToEveryone() {
    long key = taskFor(null, null);

    run(new Command.CompleteUserTask(key, Map.of(), null, CLERK));

    assertThat(task(key).getState().name()).isEqualTo("COMPLETED");
  }

  @Test
  void theSystemMayDoAnything() {
    long key = taskFor("nurses", null);
    run(new Command.AssignUserTask(key, NURSE.userId(), true, null, null));

    run(new Command.CompleteUserTask(key, Map.of(), null, null));

    assertThat(task(key).getState().name()).isEqualTo("COMPLETED");
  }
}
