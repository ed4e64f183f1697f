package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/**
 * Multi-instance activities run once per element of a collection, in parallel or one after another,
 * inside a multi-instance body that collects their results in input order.
 */
class MultiInstanceSpec extends EngineTest {

  private static final List<String> WARDS = List.of("内科", "外科", "小児科");

  private List<ActivatedJob> activateAll(String type, int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    for (int round = 0; round < 10 && jobs.size() < count; round++) {
      jobs.addAll(activate(type, count - jobs.size()));
    }
    assertThat(jobs).hasSize(count);
    return jobs;
  }

  @Test
  void aParallelTaskRunsOncePerElementAndCollectsResultsInInputOrder() {
    String id = uniqueId("mi-parallel");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("notify", t -> t.zeebeJobType(id)
        .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("wards").zeebeInputElement("ward")
            .zeebeOutputCollection("answers").zeebeOutputElementExpression("answer")))
        .endEvent().done());
    long key = start(id, Map.of("wards", WARDS)).getProcessInstanceKey();

    List<ActivatedJob> jobs = activateAll(id, 3);
    assertThat(jobs).extracting(job -> job.getVariablesAsMap().get("ward")).containsExactlyInAnyOrderElementsOf(WARDS);
    assertThat(jobs).extracting(job -> job.getVariablesAsMap().get("loopCounter")).containsExactlyInAnyOrder(1, 2, 3);
    jobs.sort(Comparator.comparing(job -> -((Number) job.getVariablesAsMap().get("loopCounter")).intValue()));
    for (ActivatedJob job : jobs) { // the last element first
      client.newCompleteCommand(job.getKey()).variables(Map.of("answer", "ok:" + job.getVariablesAsMap().get("ward")))
          .send().join();
    }

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("answers", "[\"ok:内科\",\"ok:外科\",\"ok:小児科\"]")
        .doesNotContainKeys("answer", "ward", "loopCounter");
    List<ElementInstance> notify = elementInstances(key).stream().filter(e -> e.getElementId().equals("notify"))
        .toList();
    assertThat(notify).extracting(ElementInstance::getType).containsOnlyOnce(ElementInstanceType.MULTI_INSTANCE_BODY)
        .filteredOn(ElementInstanceType.SERVICE_TASK::equals).hasSize(3);
  }

  @Test
  void aSequentialTaskRunsOneElementAfterTheOther() {
    String id = uniqueId("mi-sequential");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("notify", t -> t.zeebeJobType(id)
        .multiInstance(m -> m.sequential().zeebeInputCollectionExpression("wards").zeebeInputElement("ward")))
        .endEvent().done());
    long key = start(id, Map.of("wards", WARDS)).getProcessInstanceKey();

    List<Object> seen = new ArrayList<>();
    for (int i = 0; i < WARDS.size(); i++) {
      List<ActivatedJob> jobs = activate(id, 5);
      assertThat(jobs).as("one instance at a time").hasSize(1);
      seen.add(jobs.get(0).getVariablesAsMap().get("ward"));
      client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    }

    assertThat(seen).containsExactlyElementsOf(WARDS);
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void anEmptyCollectionCompletesAtOnceWithAnEmptyOutput() {
    String id = uniqueId("mi-empty");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("notify", t -> t.zeebeJobType(id)
        .multiInstance(m -> m.zeebeInputCollectionExpression("wards").zeebeOutputCollection("answers")
            .zeebeOutputElementExpression("answer")))
        .endEvent().done());

    long key = start(id, Map.of("wards", List.of())).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("answers", "[]");
  }

  @Test
  void aCollectionThatIsNotAListIsAnIncidentNamingItThatCanBeFixed() {
    String id = uniqueId("mi-notlist");
    deploy(Bpmn.createExecutableProcess(id).startEvent().manualTask("visit")
        .multiInstance(m -> m.zeebeInputCollectionExpression("wards").zeebeInputElement("ward"))
        .endEvent().done());
    long key = start(id, Map.of("wards", "内科")).getProcessInstanceKey();

    var incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getErrorMessage()).contains("inputCollection").contains("wards").contains("visit");

    client.newSetVariablesCommand(key).variables(Map.of("wards", WARDS)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key).stream().filter("visit"::equals)).hasSize(1 + WARDS.size());
  }

  @Test
  void aCompletionConditionEndsTheLoopAndTerminatesTheRest() {
    String id = uniqueId("mi-condition");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("ask", t -> t.zeebeJobType(id)
        .multiInstance(m -> m.zeebeInputCollectionExpression("doctors").zeebeInputElement("doctor")
            .zeebeOutputCollection("answers").zeebeOutputElementExpression("answer")
            .completionCondition("= numberOfCompletedInstances >= 2 or answer = \"urgent\"")))
        .endEvent().done());
    long key = start(id, Map.of("doctors", List.of("a", "b", "c", "d"))).getProcessInstanceKey();

    List<ActivatedJob> jobs = activateAll(id, 4);
    jobs.sort(Comparator.comparing(job -> ((Number) job.getVariablesAsMap().get("loopCounter")).intValue()));
    client.newCompleteCommand(jobs.get(1).getKey()).variables(Map.of("answer", "yes")).send().join();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(jobs.get(3).getKey()).variables(Map.of("answer", "no")).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("answers", "[null,\"yes\",null,\"no\"]");
    assertThat(elementInstances(key)).filteredOn(e -> e.getType() == ElementInstanceType.SERVICE_TASK)
        .extracting(ElementInstance::getState)
        .containsExactlyInAnyOrder(ElementInstanceState.COMPLETED, ElementInstanceState.COMPLETED,
            ElementInstanceState.TERMINATED, ElementInstanceState.TERMINATED);
    assertThat(client.newJobSearchRequest().filter(f -> f.processInstanceKey(key).state(JobState.CANCELED)).send()
        .join().items()).hasSize(2);
  }

  @Test
  void aCompletionConditionThatIsNotABooleanIsAnIncidentThatCanBeFixed() {
    String id = uniqueId("mi-bad-condition");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("ask", t -> t.zeebeJobType(id)
        .multiInstance(m -> m.sequential().zeebeInputCollectionExpression("doctors").completionCondition("= answer")))
        .endEvent().done());
    long key = start(id, Map.of("doctors", List.of("a", "b"))).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(id).getKey()).variables(Map.of("answer", "maybe")).send().join();

    var incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getErrorMessage()).contains("completionCondition").contains("ask").contains("boolean");

    client.newSetVariablesCommand(key).variables(Map.of("answer", true)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).as("the condition holds after the first instance").isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key).stream().filter("ask"::equals)).hasSize(2); // the body and one inner instance
  }

  @Test
  void aSubprocessRunsOncePerElementWithItsOwnScope() {
    String id = uniqueId("mi-sub");
    // as Camunda 8 recommends, an input mapping keeps each instance's result local to it
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("perWard", s -> s.zeebeInputExpression("null", "free")
        .multiInstance(m -> m
            .zeebeInputCollectionExpression("wards").zeebeInputElement("ward").zeebeOutputCollection("beds")
            .zeebeOutputElementExpression("{ward: ward, free: free}")))
        .embeddedSubProcess().startEvent()
        .scriptTask("count", t -> t.zeebeExpression("string length(ward)").zeebeResultVariable("free"))
        .endEvent().subProcessDone().endEvent().done());

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("wards", List.of("A", "BB"))).withResult().send().join();

    assertThat(result.getVariablesAsMap().get("beds"))
        .isEqualTo(List.of(Map.of("ward", "A", "free", 1), Map.of("ward", "BB", "free", 2)));
  }

  @Test
  void aCallActivityStartsOneChildPerElement() {
    String childId = uniqueId("mi-child");
    String id = uniqueId("mi-call");
    deploy(Bpmn.createExecutableProcess(childId).startEvent()
        .scriptTask("double", t -> t.zeebeExpression("n * 2").zeebeResultVariable("doubled")).endEvent().done());
    deploy(Bpmn.createExecutableProcess(id).startEvent().callActivity("call", c -> c.zeebeProcessId(childId)
            .multiInstance(m -> m.sequential().zeebeInputCollectionExpression("numbers").zeebeInputElement("n")
                .zeebeOutputCollection("results").zeebeOutputElementExpression("doubled")))
        .endEvent().done());

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("numbers", List.of(1, 2, 3))).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("results", List.of(2, 4, 6));
    assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.parentProcessInstanceKey(
        result.getProcessInstanceKey())).send().join().items()).hasSize(3);
  }

  @Test
  void aBoundaryEventOnTheBodyCatchesAnErrorOfAnyInstance() {
    String id = uniqueId("mi-error");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("notify", t -> t.zeebeJobType(id)
        .multiInstance(m -> m.zeebeInputCollectionExpression("wards").zeebeInputElement("ward")))
        .endEvent("done")
        .moveToActivity("notify").boundaryEvent("unreachable", b -> b.error("WARD_CLOSED")).endEvent("escalate")
        .done());
    long key = start(id, Map.of("wards", WARDS)).getProcessInstanceKey();

    List<ActivatedJob> jobs = activateAll(id, 3);
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    client.newThrowErrorCommand(jobs.get(1).getKey()).errorCode("WARD_CLOSED").send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("unreachable", "escalate").doesNotContain("done");
    assertThat(elementInstances(key)).filteredOn(e -> e.getType() == ElementInstanceType.MULTI_INSTANCE_BODY)
        .extracting(ElementInstance::getState).containsExactly(ElementInstanceState.TERMINATED);
  }

  @Test
  void inputMappingsOfEachInstanceSeeItsElement() {
    String id = uniqueId("mi-mapping");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("notify", t -> t.zeebeJobType(id)
        .zeebeInputExpression("\"ward \" + ward", "label")
        .multiInstance(m -> m.zeebeInputCollectionExpression("wards").zeebeInputElement("ward")))
        .endEvent().done());
    start(id, Map.of("wards", List.of("A", "B")));

    assertThat(activateAll(id, 2)).extracting(job -> job.getVariablesAsMap().get("label"))
        .containsExactlyInAnyOrder("ward A", "ward B");
  }
}
