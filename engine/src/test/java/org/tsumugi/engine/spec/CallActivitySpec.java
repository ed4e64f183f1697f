package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.CallActivityBuilder;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Call activities start another process, wait for it, and pass variables in and out as Camunda 8 does. */
class CallActivitySpec extends EngineTest {

  private ProcessInstance child(long parentKey) {
    List<ProcessInstance> children = client.newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(parentKey)).send().join().items();
    assertThat(children).hasSize(1);
    return children.get(0);
  }

  private ElementInstance element(long processInstanceKey, String elementId) {
    return elementInstances(processInstanceKey).stream().filter(e -> e.getElementId().equals(elementId))
        .findFirst().orElseThrow();
  }

  private BpmnModelInstance childWithTask(String childId) {
    return Bpmn.createExecutableProcess(childId).startEvent().serviceTask("enter", t -> t.zeebeJobType(childId))
        .endEvent().done();
  }

  /** A started parent whose call activity 'register' calls a child that waits at a job typed with the child's id. */
  private record Called(String childId, long key) {}

  private Called startCalling(String name, Consumer<CallActivityBuilder> callActivity, Map<String, Object> variables) {
    String childId = uniqueId("child-" + name);
    String id = uniqueId("parent-" + name);
    deploy(childWithTask(childId));
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .callActivity("register", c -> callActivity.accept(c.zeebeProcessId(childId))).endEvent().done());
    return new Called(childId, start(id, variables).getProcessInstanceKey());
  }

  @Test
  void theChildSeesTheParentsVariablesAndHandsItsOwnBack() {
    Called called = startCalling("all", c -> { }, Map.of("patientId", "P-7"));
    String childId = called.childId();
    long key = called.key();

    ProcessInstance child = child(key);
    assertThat(child.getProcessDefinitionId()).isEqualTo(childId);
    assertThat(child.getParentElementInstanceKey()).isEqualTo(element(key, "register").getElementInstanceKey());
    assertThat(instance(child.getProcessInstanceKey()).getParentProcessInstanceKey()).isEqualTo(key);
    assertThat(element(key, "register").getType()).isEqualTo(ElementInstanceType.CALL_ACTIVITY);
    ActivatedJob job = activateOne(childId);
    assertThat(job.getProcessInstanceKey()).isEqualTo(child.getProcessInstanceKey());
    assertThat(job.getVariablesAsMap()).containsEntry("patientId", "P-7");
    client.newCompleteCommand(job.getKey()).variables(Map.of("chartNumber", 4711)).send().join();

    assertThat(state(child.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("chartNumber", "4711").containsEntry("patientId", "\"P-7\"");
  }

  @Test
  void theProcessIdMayBeAnExpression() {
    String childId = uniqueId("child-feel");
    String id = uniqueId("parent-feel");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().endEvent("childEnd").done());
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .callActivity("register", c -> c.zeebeProcessIdExpression("target")).endEvent().done());

    long key = start(id, Map.of("target", childId)).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(child(key).getProcessInstanceKey())).contains("childEnd");
  }

  @Test
  void withoutPropagationOnlyTheMappingsCrossIntoAndOutOfTheChild() {
    Called called = startCalling("mapped", c -> c.zeebePropagateAllParentVariables(false)
        .zeebePropagateAllChildVariables(false).zeebeInputExpression("patient.id", "patientId")
        .zeebeOutputExpression("chart", "chartNumber"), Map.of("patient", Map.of("id", "P-8", "name", "山田"), "secret", "x"));
    long key = called.key();

    ActivatedJob job = activateOne(called.childId());
    assertThat(job.getVariablesAsMap()).containsOnlyKeys("patientId");
    client.newCompleteCommand(job.getKey()).variables(Map.of("chart", 12, "scratch", "tmp")).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("chartNumber", "12").doesNotContainKeys("chart", "scratch");
  }

  @Test
  void outputMappingsAloneDecideWhatComesBackEvenWithPropagationOn() {
    Called called = startCalling("out", c -> c.zeebeOutputExpression("chart", "chartNumber"), Map.of());
    long key = called.key();

    client.newCompleteCommand(activateOne(called.childId()).getKey()).variables(Map.of("chart", 3, "scratch", "tmp")).send()
        .join();

    assertThat(variables(key)).containsEntry("chartNumber", "3").doesNotContainKeys("chart", "scratch");
  }

  @Test
  void withoutChildPropagationNothingComesBackUnlessMapped() {
    Called called = startCalling("none", c -> c.zeebePropagateAllChildVariables(false), Map.of("patientId", "P-9"));
    long key = called.key();

    client.newCompleteCommand(activateOne(called.childId()).getKey()).variables(Map.of("chart", 3)).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsOnlyKeys("patientId");
  }

  @Test
  void cancellingTheParentTerminatesTheChildAndTheChildCannotBeCancelledAlone() {
    long key = startCalling("cancel", c -> { }, Map.of()).key();
    long childKey = child(key).getProcessInstanceKey();

    Throwable refused = catchThrowable(() -> client.newCancelInstanceCommand(childKey).send().join());
    assertThat(refused).hasMessageContaining(Long.toString(key));
    assertThat(state(childKey)).isEqualTo(ProcessInstanceState.ACTIVE);

    client.newCancelInstanceCommand(key).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(state(childKey)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(element(childKey, "enter").getState()).isEqualTo(ElementInstanceState.TERMINATED);
  }

  @Test
  void anUnknownProcessIsAnIncidentNamingItThatResolvesOnceDeployed() {
    String childId = uniqueId("child-later");
    String id = uniqueId("parent-early");
    deploy(Bpmn.createExecutableProcess(id).startEvent().callActivity("register", c -> c.zeebeProcessId(childId))
        .endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    var incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_ELEMENT_ERROR);
    assertThat(incident.getElementId()).isEqualTo("register");
    assertThat(incident.getErrorMessage()).contains(childId);

    deploy(Bpmn.createExecutableProcess(childId).startEvent().endEvent().done());
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void anUncaughtErrorInTheChildIsCaughtOnTheCallActivity() {
    String childId = uniqueId("child-error");
    String id = uniqueId("parent-error");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("lookup", t -> t.zeebeJobType(childId))
        .endEvent("found").done());
    deploy(Bpmn.createExecutableProcess(id).startEvent().callActivity("register", c -> c.zeebeProcessId(childId))
        .endEvent("registered")
        .moveToActivity("register").boundaryEvent("unknown", b -> b.error("PATIENT_UNKNOWN")).endEvent("askClerk")
        .done());
    long key = start(id, Map.of()).getProcessInstanceKey();
    long childKey = child(key).getProcessInstanceKey();

    client.newThrowErrorCommand(activateOne(childId).getKey()).errorCode("PATIENT_UNKNOWN")
        .variables(Map.of("reason", "no match")).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("unknown", "askClerk").doesNotContain("registered");
    assertThat(state(childKey)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(variables(key)).containsEntry("reason", "\"no match\"");
  }

  @Test
  void anErrorEndEventInTheChildIsCaughtOnTheCallActivity() {
    String childId = uniqueId("child-error-end");
    String id = uniqueId("parent-error-end");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().endEvent("refuse", e -> e.error("REFUSED")).done());
    deploy(Bpmn.createExecutableProcess(id).startEvent().callActivity("register", c -> c.zeebeProcessId(childId))
        .endEvent("registered")
        .moveToActivity("register").boundaryEvent("refused", b -> b.error()).endEvent("askClerk").done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("refused", "askClerk").doesNotContain("registered");
  }

  @Test
  void anErrorNobodyCatchesIsAnIncidentInTheChild() {
    String childId = uniqueId("child-unhandled");
    String id = uniqueId("parent-unhandled");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().endEvent("refuse", e -> e.error("REFUSED")).done());
    deploy(Bpmn.createExecutableProcess(id).startEvent().callActivity("register", c -> c.zeebeProcessId(childId))
        .endEvent().done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    long childKey = child(key).getProcessInstanceKey();
    assertThat(incidents(childKey)).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
      assertThat(incident.getElementId()).isEqualTo("refuse");
    });
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void theBindingPicksTheLatestTheCallersDeploymentOrATaggedVersion() {
    String childId = uniqueId("child-binding");
    String id = uniqueId("parent-binding");
    BpmnModelInstance caller = Bpmn.createExecutableProcess(id).startEvent().parallelGateway("fork")
        .callActivity("latest", c -> c.zeebeProcessId(childId)).endEvent()
        .moveToNode("fork").callActivity("sameDeployment", c -> c.zeebeProcessId(childId)
            .zeebeBindingType(ZeebeBindingType.deployment)).endEvent()
        .moveToNode("fork").callActivity("tagged", c -> c.zeebeProcessId(childId)
            .zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("2025-04")).endEvent()
        .done();
    client.newDeployResourceCommand().addProcessModel(caller, id + ".bpmn")
        .addProcessModel(childVersion(childId, "first", "2025-04"), childId + ".bpmn").send().join();
    deploy(childVersion(childId, "second", "2025-10"));
    deploy(childVersion(childId, "third", null));

    long key = start(id, Map.of()).getProcessInstanceKey();

    Map<String, Integer> versions = new java.util.TreeMap<>();
    client.newProcessInstanceSearchRequest().filter(f -> f.parentProcessInstanceKey(key)).send().join().items()
        .forEach(child -> versions.put(elementIdOf(key, child.getParentElementInstanceKey()),
            child.getProcessDefinitionVersion()));
    assertThat(versions).containsExactlyInAnyOrderEntriesOf(Map.of("latest", 3, "sameDeployment", 1, "tagged", 1));
  }

  private String elementIdOf(long processInstanceKey, long elementInstanceKey) {
    return elementInstances(processInstanceKey).stream()
        .filter(e -> e.getElementInstanceKey() == elementInstanceKey).findFirst().orElseThrow().getElementId();
  }

  private static BpmnModelInstance childVersion(String childId, String endId, String versionTag) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(childId).startEvent()
        .serviceTask("wait", t -> t.zeebeJobType(childId)).endEvent(endId).done();
    if (versionTag != null) {
      Process process = model.getModelElementById(childId);
      ZeebeVersionTag tag = model.newInstance(ZeebeVersionTag.class);
      tag.setValue(versionTag);
      process.builder().addExtensionElement(tag);
    }
    return model;
  }
}
