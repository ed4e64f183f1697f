package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.engine.EngineTest;

/** Camunda user tasks (zeebe:userTask): a wait state that people find, take, change and complete. */
class UserTaskSpec extends EngineTest {

  @Autowired JdbcTemplate jdbc;

  private String approval(Consumer<UserTaskBuilder> task) {
    String id = uniqueId("approval");
    deploy(Bpmn.createExecutableProcess(id).name("紹介状の承認").startEvent()
        .userTask("approve", t -> task.accept(t.name("承認する").zeebeUserTask())).endEvent("done").done());
    return id;
  }

  private UserTask openTask(long processInstanceKey) {
    List<UserTask> tasks = client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED)).send().join().items();
    assertThat(tasks).as("open user tasks of %s", processInstanceKey).hasSize(1);
    return tasks.get(0);
  }

  private UserTask get(long userTaskKey) {
    return client.newUserTaskGetRequest(userTaskKey).send().join();
  }

  @Test
  void aUserTaskWaitsWithItsAssignmentScheduleAndPriority() {
    String id = approval(t -> t.zeebeAssignee("dr.sato").zeebeCandidateGroups("doctors, nurses")
        .zeebeCandidateUsers("dr.tanaka").zeebeDueDate("2025-04-01T17:00:00+09:00")
        .zeebeFollowUpDate("2025-03-30T09:00:00+09:00").zeebeTaskPriority("70").zeebeTaskHeader("ward", "内科"));
    long instance = start(id, Map.of()).getProcessInstanceKey();

    UserTask task = openTask(instance);

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(task.getName()).isEqualTo("承認する");
    assertThat(task.getElementId()).isEqualTo("approve");
    assertThat(task.getBpmnProcessId()).isEqualTo(id);
    assertThat(task.getProcessName()).isEqualTo("紹介状の承認");
    assertThat(task.getAssignee()).isEqualTo("dr.sato");
    assertThat(task.getCandidateGroups()).containsExactly("doctors", "nurses");
    assertThat(task.getCandidateUsers()).containsExactly("dr.tanaka");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2025-04-01T17:00:00+09:00"));
    assertThat(task.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2025-03-30T09:00:00+09:00"));
    assertThat(task.getPriority()).isEqualTo(70);
    assertThat(task.getCustomHeaders()).containsEntry("ward", "内科");
    assertThat(task.getCreationDate()).isNotNull();
    assertThat(task.getCompletionDate()).isNull();
    assertThat(elementInstances(instance)).filteredOn(e -> e.getElementId().equals("approve"))
        .singleElement().satisfies(e -> assertThat(e.getType().name()).isEqualTo("USER_TASK"));
    assertThat(get(task.getUserTaskKey()).getElementInstanceKey()).isEqualTo(task.getElementInstanceKey());
  }

  @Test
  void withoutAPriorityATaskHasCamundasDefaultOf50() {
    String id = approval(t -> {});
    UserTask task = openTask(start(id, Map.of()).getProcessInstanceKey());

    assertThat(task.getPriority()).isEqualTo(50);
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getCandidateGroups()).isEmpty();
  }

  @Test
  void feelValuesAreEvaluatedWhenTheTaskActivates() {
    String id = approval(t -> t.zeebeAssigneeExpression("doctor").zeebeCandidateGroupsExpression("wards")
        .zeebeCandidateUsersExpression("[doctor, \"dr.ito\"]")
        .zeebeDueDateExpression("date and time(\"2025-04-01T17:00:00@Asia/Tokyo\")")
        .zeebeFollowUpDateExpression("followUp").zeebeTaskPriorityExpression("urgency * 10"));
    long instance = start(id, Map.of("doctor", "dr.sato", "wards", List.of("内科", "外科"), "urgency", 9,
        "followUp", "2025-03-31T12:00:00Z")).getProcessInstanceKey();

    UserTask task = openTask(instance);

    assertThat(task.getAssignee()).isEqualTo("dr.sato");
    assertThat(task.getCandidateGroups()).containsExactly("内科", "外科");
    assertThat(task.getCandidateUsers()).containsExactly("dr.sato", "dr.ito");
    assertThat(task.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2025-04-01T17:00:00+09:00").toInstant());
    assertThat(task.getFollowUpDate().toInstant()).isEqualTo(OffsetDateTime.parse("2025-03-31T12:00:00Z").toInstant());
    assertThat(task.getPriority()).isEqualTo(90);
  }

  @Test
  void anExpressionThatFailsIsAnIncidentThatResolutionRetries() {
    String id = approval(t -> t.zeebeTaskPriorityExpression("urgency * 10"));
    long instance = start(id, Map.of("urgency", 42)).getProcessInstanceKey();

    var incident = incidents(instance).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo("approve");
    assertThat(incident.getErrorMessage()).contains("priority").contains("approve").contains("420");
    assertThat(client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items())
        .as("no task while the incident is open").isEmpty();

    client.newSetVariablesCommand(instance).variables(Map.of("urgency", 8)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(openTask(instance).getPriority()).isEqualTo(80);
  }

  @Test
  void aDateThatIsNotIso8601IsAnIncident() {
    String id = approval(t -> t.zeebeDueDateExpression("due"));
    long instance = start(id, Map.of("due", "来週の金曜日")).getProcessInstanceKey();

    assertThat(incidents(instance)).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
      assertThat(incident.getErrorMessage()).contains("dueDate").contains("ISO 8601").contains("来週の金曜日");
    });
  }

  @Test
  void aLiteralDateThatIsNotIso8601IsRejectedAtDeployment() {
    String id = uniqueId("baddate");
    assertThatThrownBy(() -> deploy(Bpmn.createExecutableProcess(id).startEvent()
        .userTask("approve", t -> t.zeebeUserTask().zeebeFollowUpDate("2025-04-01")).endEvent().done()))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.details().getDetail()).contains("approve").contains("followUpDate").contains("2025-04-01");
        });
  }

  @Test
  void completingATaskCarriesItsVariablesIntoTheProcess() {
    String id = approval(t -> {});
    long instance = start(id, Map.of("letter", "draft")).getProcessInstanceKey();
    UserTask task = openTask(instance);

    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", true, "letter", "final"))
        .send().join();

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(instance)).containsEntry("approved", "true").containsEntry("letter", "\"final\"");
    UserTask completed = get(task.getUserTaskKey());
    assertThat(completed.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completed.getCompletionDate()).isNotNull();
  }

  @Test
  void outputMappingsShapeWhatACompletedTaskLeavesBehind() {
    String id = uniqueId("mapped");
    deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("review", t -> t.zeebeUserTask()
        .zeebeOutputExpression("decision = \"ok\"", "reviewed")).endEvent().done());
    long instance = start(id, Map.of()).getProcessInstanceKey();

    client.newCompleteUserTaskCommand(openTask(instance).getUserTaskKey()).variables(Map.of("decision", "ok"))
        .send().join();

    assertThat(variables(instance)).containsEntry("reviewed", "true").doesNotContainKey("decision");
  }

  @Test
  void completingATaskTwiceIsRejectedNamingItsState() {
    String id = approval(t -> {});
    long instance = start(id, Map.of()).getProcessInstanceKey();
    long key = openTask(instance).getUserTaskKey();
    client.newCompleteUserTaskCommand(key).send().join();

    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(key).variables(Map.of("approved", false)).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(404);
          assertThat(e.details().getDetail()).contains(Long.toString(key)).contains("COMPLETED");
        });
    assertThat(variables(instance)).doesNotContainKey("approved");
    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(4242L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void aTaskIsAssignedReassignedAndUnassigned() {
    String id = approval(t -> t.zeebeCandidateGroups("nurses"));
    long key = openTask(start(id, Map.of()).getProcessInstanceKey()).getUserTaskKey();

    client.newAssignUserTaskCommand(key).assignee("ns.yamada").action("claim").send().join();
    assertThat(get(key).getAssignee()).isEqualTo("ns.yamada");

    assertThatThrownBy(() -> client.newAssignUserTaskCommand(key).assignee("ns.kato").allowOverride(false).send()
        .join()).isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(409);
          assertThat(e.details().getDetail()).contains(Long.toString(key)).contains("already assigned");
        });
    assertThat(get(key).getAssignee()).isEqualTo("ns.yamada");

    client.newAssignUserTaskCommand(key).assignee("ns.kato").send().join();
    assertThat(get(key).getAssignee()).isEqualTo("ns.kato");

    client.newUnassignUserTaskCommand(key).send().join();
    assertThat(get(key).getAssignee()).isNull();

    client.newAssignUserTaskCommand(key).assignee("ns.ito").allowOverride(false).send().join();
    assertThat(get(key).getAssignee()).isEqualTo("ns.ito");
  }

  @Test
  void anAssignmentWithoutAnAssigneeIsRejected() throws Exception {
    String id = approval(t -> {});
    long key = openTask(start(id, Map.of()).getProcessInstanceKey()).getUserTaskKey();

    assertThatThrownBy(() -> client.newAssignUserTaskCommand(key).assignee(" ").send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.details().getDetail()).contains("assignee");
        });
  }

  @Test
  void scheduleCandidatesAndPriorityCanBeChanged() {
    String id = approval(t -> t.zeebeCandidateGroups("nurses").zeebeDueDate("2025-04-01T17:00:00+09:00"));
    long key = openTask(start(id, Map.of()).getProcessInstanceKey()).getUserTaskKey();

    client.newUpdateUserTaskCommand(key).followUpDate("2025-03-31T09:00:00+09:00").candidateGroups("doctors")
        .candidateUsers("dr.sato", "dr.ito").priority(90).send().join();

    UserTask changed = get(key);
    assertThat(changed.getFollowUpDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2025-03-31T09:00:00+09:00").toInstant());
    assertThat(changed.getDueDate().toInstant()).as("unchanged")
        .isEqualTo(OffsetDateTime.parse("2025-04-01T17:00:00+09:00").toInstant());
    assertThat(changed.getCandidateGroups()).containsExactly("doctors");
    assertThat(changed.getCandidateUsers()).containsExactly("dr.sato", "dr.ito");
    assertThat(changed.getPriority()).isEqualTo(90);

    client.newUpdateUserTaskCommand(key).clearDueDate().clearCandidateUsers().send().join();

    UserTask cleared = get(key);
    assertThat(cleared.getDueDate()).isNull();
    assertThat(cleared.getCandidateUsers()).isEmpty();
    assertThat(cleared.getCandidateGroups()).containsExactly("doctors");
  }

  @Test
  void anInvalidUpdateIsRejectedAndChangesNothing() {
    String id = approval(t -> t.zeebeTaskPriority("60"));
    long key = openTask(start(id, Map.of()).getProcessInstanceKey()).getUserTaskKey();

    assertThatThrownBy(() -> client.newUpdateUserTaskCommand(key).priority(101).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.details().getDetail()).contains("priority").contains("101");
        });
    assertThatThrownBy(() -> client.newUpdateUserTaskCommand(key).dueDate("明日").priority(10).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.details().getDetail()).contains("dueDate").contains("明日");
        });
    assertThat(get(key).getPriority()).isEqualTo(60);
    assertThat(get(key).getDueDate()).isNull();
  }

  @Test
  void tasksAreFoundByStateAssigneeCandidatesProcessAndElement() {
    String id = uniqueId("ward");
    deploy(Bpmn.createExecutableProcess(id).startEvent().parallelGateway("fork")
        .userTask("triage", t -> t.zeebeUserTask().zeebeCandidateGroups("nurses").zeebeCandidateUsers("dr.ito"))
        .endEvent().moveToNode("fork")
        .userTask("prescribe", t -> t.zeebeUserTask().zeebeAssignee("dr.sato").zeebeCandidateGroups("doctors"))
        .endEvent().done());
    long instance = start(id, Map.of()).getProcessInstanceKey();
    long other = start(id, Map.of()).getProcessInstanceKey();

    assertThat(elementIds(client.newUserTaskSearchRequest().filter(f -> f.bpmnProcessId(id).candidateGroup("nurses"))
        .send().join().items())).containsExactly("triage", "triage");
    assertThat(elementIds(client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)
        .candidateUser("dr.ito")).send().join().items())).containsExactly("triage");
    assertThat(elementIds(client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)
        .assignee("dr.sato")).send().join().items())).containsExactly("prescribe");
    assertThat(elementIds(client.newUserTaskSearchRequest().filter(f -> f.bpmnProcessId(id).elementId("prescribe"))
        .send().join().items())).hasSize(2);
    assertThat(client.newUserTaskSearchRequest().filter(f -> f.bpmnProcessId(id)
        .candidateGroup(g -> g.in("doctors", "surgeons"))).send().join().items()).hasSize(2);

    long triage = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(other).elementId("triage"))
        .send().join().items().get(0).getUserTaskKey();
    client.newCompleteUserTaskCommand(triage).send().join();

    assertThat(elementIds(client.newUserTaskSearchRequest().filter(f -> f.bpmnProcessId(id)
        .state(UserTaskState.COMPLETED)).send().join().items())).containsExactly("triage");
    assertThat(client.newUserTaskSearchRequest().filter(f -> f.bpmnProcessId(id).state(UserTaskState.CREATED))
        .sort(s -> s.priority().desc()).send().join().items()).hasSize(3);
  }

  private static List<String> elementIds(List<UserTask> tasks) {
    return tasks.stream().map(UserTask::getElementId).toList();
  }

  @Test
  void theTaskLifeCycleIsAuditedWithActionsButWithoutVariableValues() {
    String id = approval(t -> {});
    long instance = start(id, Map.of()).getProcessInstanceKey();
    long key = openTask(instance).getUserTaskKey();

    client.newAssignUserTaskCommand(key).assignee("dr.sato").action("claim").send().join();
    client.newUpdateUserTaskCommand(key).priority(80).action("escalate").send().join();
    client.newCompleteUserTaskCommand(key).variables(Map.of("diagnosis", "肺炎")).action("approve").send().join();

    List<String> records = jdbc.queryForList("SELECT intent || ' ' || payload FROM history"
        + " WHERE value_type = 'USER_TASK' AND record_key = ? ORDER BY position", String.class, key);
    assertThat(records).hasSize(4);
    assertThat(records.get(0)).startsWith("CREATED");
    assertThat(records.get(1)).startsWith("ASSIGNED").contains("dr.sato").contains("claim");
    assertThat(records.get(2)).startsWith("UPDATED").contains("escalate");
    assertThat(records.get(3)).startsWith("COMPLETED").contains("approve");
    assertThat(jdbc.queryForList("SELECT payload FROM history WHERE process_instance_key = ?", String.class, instance))
        .noneSatisfy(payload -> assertThat(String.valueOf(payload)).contains("肺炎"));
  }

  @Test
  void cancellingTheInstanceCancelsItsTasks() {
    String id = approval(t -> {});
    long instance = start(id, Map.of()).getProcessInstanceKey();
    long key = openTask(instance).getUserTaskKey();

    client.newCancelInstanceCommand(instance).send().join();

    assertThat(get(key).getState()).isEqualTo(UserTaskState.CANCELED);
    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(key).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(404);
          assertThat(e.details().getDetail()).contains("CANCELED");
        });
  }

  @Test
  void aTerminateEndEventInAnotherBranchCancelsTheTask() {
    String id = uniqueId("terminated");
    deploy(Bpmn.createExecutableProcess(id).startEvent().parallelGateway("fork")
        .userTask("review", t -> t.zeebeUserTask()).endEvent().moveToNode("fork")
        .serviceTask("check", t -> t.zeebeJobType(id)).endEvent("abort", e -> e.terminate()).done());
    long instance = start(id, Map.of()).getProcessInstanceKey();
    long key = openTask(instance).getUserTaskKey();

    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(get(key).getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aTaskSeesItsOwnAndItsProcessVariablesTheInnerHidingTheOuter() {
    String id = uniqueId("seen");
    deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("review", t -> t.zeebeUserTask()
        .zeebeInputExpression("patient.name", "patientName").zeebeInputExpression("\"外科\"", "ward"))
        .endEvent().done());
    long instance = start(id, Map.of("patient", Map.of("name", "山田"), "ward", "内科")).getProcessInstanceKey();
    long key = openTask(instance).getUserTaskKey();

    List<Variable> all = client.newUserTaskVariableSearchRequest(key).send().join().items();
    List<Variable> named = client.newUserTaskVariableSearchRequest(key).filter(f -> f.name("patientName")).send()
        .join().items();

    assertThat(all).extracting(Variable::getName).containsExactlyInAnyOrder("patient", "ward", "patientName");
    assertThat(all).filteredOn(v -> v.getName().equals("ward")).singleElement()
        .satisfies(v -> assertThat(v.getValue()).as("the task's own ward").isEqualTo("\"外科\""));
    assertThat(named).singleElement().satisfies(v -> assertThat(v.getValue()).isEqualTo("\"山田\""));
    assertThatThrownBy(() -> client.newUserTaskVariableSearchRequest(777L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
