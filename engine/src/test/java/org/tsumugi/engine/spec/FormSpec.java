package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Camunda Forms: deployed and versioned like processes, linked to user tasks by form id. */
class FormSpec extends EngineTest {

  private static String form(String formId, String label) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 18, "executionPlatform": "Camunda Cloud",
         "components": [{"type": "textfield", "id": "Field_1", "key": "note", "label": "%s"}]}
        """.formatted(formId, label);
  }

  private DeploymentEvent deployForm(String formId, String label) {
    return client.newDeployResourceCommand().addResourceString(form(formId, label), StandardCharsets.UTF_8,
        formId + ".form").send().join();
  }

  private BpmnModelInstance linked(String processId, String formId, ZeebeBindingType binding) {
    return Bpmn.createExecutableProcess(processId).startEvent().userTask("fill", t -> {
      t.zeebeUserTask().zeebeFormId(formId);
      if (binding != null) {
        t.zeebeFormBindingType(binding);
      }
    }).endEvent().done();
  }

  private UserTask openTask(long processInstanceKey) {
    List<UserTask> tasks = client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED)).send().join().items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void aFormIsVersionedByItsContent() {
    String formId = uniqueId("monshin");

    Form first = deployForm(formId, "症状").getForm().get(0);
    Form same = deployForm(formId, "症状").getForm().get(0);
    Form changed = deployForm(formId, "いつから").getForm().get(0);

    assertThat(first.getFormId()).isEqualTo(formId);
    assertThat(first.getResourceName()).isEqualTo(formId + ".form");
    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(same.getVersion()).isEqualTo(1);
    assertThat(same.getFormKey()).isEqualTo(first.getFormKey());
    assertThat(changed.getVersion()).isEqualTo(2);
    assertThat(changed.getFormKey()).isNotEqualTo(first.getFormKey());
  }

  @Test
  void aTaskShowsTheFormDeployedWithItsProcess() {
    String formId = uniqueId("intake");
    String processId = uniqueId("intake-process");
    DeploymentEvent deployment = client.newDeployResourceCommand()
        .addResourceString(form(formId, "主訴"), StandardCharsets.UTF_8, "intake.form")
        .addProcessModel(linked(processId, formId, null), "intake.bpmn").send().join();
    long instance = start(processId, Map.of()).getProcessInstanceKey();

    UserTask task = openTask(instance);
    io.camunda.client.api.search.response.Form shown = client.newUserTaskGetFormRequest(task.getUserTaskKey())
        .send().join();

    assertThat(deployment.getForm()).singleElement().satisfies(f -> assertThat(f.getFormId()).isEqualTo(formId));
    assertThat(deployment.getProcesses()).hasSize(1);
    assertThat(task.getFormKey()).isEqualTo(deployment.getForm().get(0).getFormKey());
    assertThat(shown.getFormId()).isEqualTo(formId);
    assertThat(shown.getVersion()).isEqualTo(1);
    assertThat(shown.getFormKey()).isEqualTo(task.getFormKey());
    assertThat(String.valueOf(shown.getSchema())).contains("主訴").contains("\"components\"");
  }

  @Test
  void aTaskBindsTheLatestFormVersionWhenItActivates() {
    String formId = uniqueId("latest");
    String processId = uniqueId("latest-process");
    deployForm(formId, "v1");
    deploy(linked(processId, formId, null));
    long second = deployForm(formId, "v2").getForm().get(0).getFormKey();

    UserTask task = openTask(start(processId, Map.of()).getProcessInstanceKey());

    assertThat(task.getFormKey()).isEqualTo(second);
  }

  @Test
  void aDeploymentBindingKeepsTheFormDeployedWithTheProcess() {
    String formId = uniqueId("pinned");
    String processId = uniqueId("pinned-process");
    DeploymentEvent together = client.newDeployResourceCommand()
        .addResourceString(form(formId, "v1"), StandardCharsets.UTF_8, formId + ".form")
        .addProcessModel(linked(processId, formId, ZeebeBindingType.deployment), "pinned.bpmn").send().join();
    deployForm(formId, "v2");

    UserTask task = openTask(start(processId, Map.of()).getProcessInstanceKey());

    assertThat(task.getFormKey()).isEqualTo(together.getForm().get(0).getFormKey());
  }

  @Test
  void aTaskWithoutAFormHasNoneToShow() {
    String processId = uniqueId("noform");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().userTask("t", t -> t.zeebeUserTask()).endEvent()
        .done());
    UserTask task = openTask(start(processId, Map.of()).getProcessInstanceKey());

    assertThat(task.getFormKey()).isNull();
    // the engine answers 204 No Content; the client turns that into a form without content
    assertThat(client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormId()).isNull();
    assertThatThrownBy(() -> client.newUserTaskGetFormRequest(99L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void anExternalFormReferenceIsPassedThrough() {
    String processId = uniqueId("external");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().userTask("t", t -> t.zeebeUserTask()
        .zeebeExternalFormReferenceExpression("\"https://emr.example/forms/\" + formName")).endEvent().done());

    UserTask task = openTask(start(processId, Map.of("formName", "referral")).getProcessInstanceKey());

    assertThat(task.getExternalFormReference()).isEqualTo("https://emr.example/forms/referral");
    assertThat(task.getFormKey()).isNull();
  }

  @Test
  void anUnknownFormIdIsAnIncidentResolvedByDeployingTheForm() {
    String formId = uniqueId("missing");
    String processId = uniqueId("missing-process");
    deploy(linked(processId, formId, null));
    long instance = start(processId, Map.of()).getProcessInstanceKey();

    var incident = incidents(instance).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.FORM_NOT_FOUND);
    assertThat(incident.getErrorMessage()).contains(formId).contains("fill");

    long formKey = deployForm(formId, "届いた").getForm().get(0).getFormKey();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(openTask(instance).getFormKey()).isEqualTo(formKey);
  }

  @Test
  void aFormFileThatIsNotAFormIsRejectedAndNothingIsDeployed() {
    String processId = uniqueId("with-bad-form");
    for (String[] bad : List.of(new String[] {"broken.form", "{not json", "not JSON"},
        new String[] {"array.form", "[1, 2]", "JSON object"},
        new String[] {"noid.form", "{\"components\": []}", "\"id\""},
        new String[] {"nocomponents.form", "{\"id\": \"x\", \"type\": \"default\"}", "\"components\""})) {
      assertThatThrownBy(() -> client.newDeployResourceCommand()
          .addResourceString(bad[1], StandardCharsets.UTF_8, bad[0])
          .addProcessModel(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(), "p.bpmn")
          .send().join())
          .isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.details().getDetail()).contains(bad[0]).contains(bad[2]);
          });
    }
    assertThat(client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId(processId)).send()
        .join().items()).as("the process of the rejected deployment").isEmpty();
  }
}
