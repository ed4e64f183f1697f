package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/**
 * User tasks without zeebe:userTask, as Camunda 8.7 and earlier models have them: jobs of the
 * reserved type io.camunda.zeebe:userTask, with assignment and form in the headers.
 */
class JobBasedUserTaskSpec extends EngineTest {
  private static final String TYPE = "io.camunda.zeebe:userTask";

  /** Jobs of the shared user task type from other tests are completed out of the way until ours comes. */
  private ActivatedJob jobOf(long processInstanceKey) {
    for (int round = 0; round < 20; round++) {
      for (ActivatedJob job : activate(TYPE, 32)) {
        if (job.getProcessInstanceKey() == processInstanceKey) {
          return job;
        }
        client.newFailCommand(job.getKey()).retries(1).send().join();
      }
    }
    throw new AssertionError("no user task job for instance " + processInstanceKey);
  }

  @Test
  void aLegacyUserTaskIsAJobWithItsAssignmentInTheHeaders() {
    String id = uniqueId("legacy");
    deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("approve", t -> t.zeebeAssignee("dr.sato")
        .zeebeCandidateGroupsExpression("groups").zeebeCandidateUsers("dr.ito, dr.kato")
        .zeebeDueDate("2025-04-01T17:00:00+09:00").zeebeFollowUpDateExpression("followUp")
        .zeebeFormKey("custom:referral-form").zeebeTaskHeader("ward", "内科")).endEvent().done());
    long instance = start(id, Map.of("groups", java.util.List.of("doctors"), "followUp", "2025-03-31T12:00:00Z"))
        .getProcessInstanceKey();

    ActivatedJob job = jobOf(instance);

    assertThat(job.getType()).isEqualTo(TYPE);
    assertThat(job.getElementId()).isEqualTo("approve");
    assertThat(job.getCustomHeaders())
        .containsEntry("ward", "内科")
        .containsEntry("io.camunda.zeebe:assignee", "dr.sato")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"doctors\"]")
        .containsEntry("io.camunda.zeebe:candidateUsers", "[\"dr.ito\",\"dr.kato\"]")
        .containsEntry("io.camunda.zeebe:dueDate", "2025-04-01T08:00Z")
        .containsEntry("io.camunda.zeebe:followUpDate", "2025-03-31T12:00Z")
        .containsEntry("io.camunda.zeebe:formKey", "custom:referral-form");
    assertThat(client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items())
        .as("job-based user tasks are not Camunda user tasks").isEmpty();
  }

  @Test
  void itIsCompletedThroughTheJobApiWithVariables() {
    String id = uniqueId("legacy-complete");
    deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("approve").endEvent().done());
    long instance = start(id, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(jobOf(instance).getKey()).variables(Map.of("approved", true)).send().join();

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(instance)).containsEntry("approved", "true");
  }

  @Test
  void anEmbeddedFormIsReferencedByItsBpmnFormKey() {
    String id = uniqueId("embedded");
    deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("fill", t -> t.zeebeUserTaskForm("intakeForm",
        "{\"id\": \"intake\", \"components\": []}")).endEvent().done());
    long instance = start(id, Map.of()).getProcessInstanceKey();

    assertThat(jobOf(instance).getCustomHeaders()).containsEntry("io.camunda.zeebe:formKey",
        "camunda-forms:bpmn:intakeForm");
  }

  @Test
  void aLinkedFormIsReferencedByTheKeyOfItsLatestVersion() {
    String formId = uniqueId("linked");
    String id = uniqueId("legacy-linked");
    var deployment = client.newDeployResourceCommand()
        .addResourceString("{\"id\": \"" + formId + "\", \"components\": []}", StandardCharsets.UTF_8, "l.form")
        .addProcessModel(Bpmn.createExecutableProcess(id).startEvent().userTask("fill", t -> t.zeebeFormId(formId))
            .endEvent().done(), "l.bpmn").send().join();
    long instance = start(id, Map.of()).getProcessInstanceKey();

    assertThat(jobOf(instance).getCustomHeaders()).containsEntry("io.camunda.zeebe:formKey",
        Long.toString(deployment.getForm().get(0).getFormKey()));
  }

  @Test
  void anUnknownLinkedFormIsAnIncident() {
    String id = uniqueId("legacy-missing");
    deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("fill", t -> t.zeebeFormId("no-such-form"))
        .endEvent().done());
    long instance = start(id, Map.of()).getProcessInstanceKey();

    assertThat(incidents(instance)).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.FORM_NOT_FOUND);
      assertThat(incident.getErrorMessage()).contains("no-such-form");
    });
  }
}
