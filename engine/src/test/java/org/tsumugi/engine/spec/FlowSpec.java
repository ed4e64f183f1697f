package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** How tokens move through events, tasks, gateways and subprocesses. */
class FlowSpec extends EngineTest {

  @Test
  void passesThroughEventsUndefinedAndManualTasks() {
    String id = uniqueId("pass");
    deploy(Bpmn.createExecutableProcess(id).startEvent("start").intermediateThrowEvent("milestone")
        .task("undefined").manualTask("manual").endEvent("end").done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).containsExactly(id, "start", "milestone", "undefined", "manual", "end");
  }

  @Test
  void aServiceTaskWaitsForItsJobThenContinues() {
    String id = uniqueId("service");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("check", t -> t.zeebeJobType(id))
        .endEvent("end").done());
    long key = start(id, Map.of("patientId", "P-1")).getProcessInstanceKey();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    ActivatedJob job = activateOne(id);
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    assertThat(job.getElementId()).isEqualTo("check");
    assertThat(job.getVariablesAsMap()).containsEntry("patientId", "P-1");
    client.newCompleteCommand(job.getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void sendTasksAndJobScriptTasksAreJobsToo() {
    String id = uniqueId("send");
    deploy(Bpmn.createExecutableProcess(id).startEvent().sendTask("notify", t -> t.zeebeJobType(id + "-send"))
        .scriptTask("external", t -> t.zeebeJobType(id + "-script")).endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id + "-send").getKey()).send().join();
    client.newCompleteCommand(activateOne(id + "-script").getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aFeelScriptTaskStoresItsResult() {
    String id = uniqueId("script");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .scriptTask("sum", t -> t.zeebeExpression("a + b").zeebeResultVariable("total")).endEvent().done());

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("a", 2, "b", 3)).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("total", 5);
  }

  @Test
  void anExclusiveGatewayTakesTheFirstTrueConditionElseTheDefault() {
    String id = uniqueId("xor");
    deploy(Bpmn.createExecutableProcess(id).startEvent().exclusiveGateway("triage")
        .sequenceFlowId("urgent").conditionExpression("score >= 8").endEvent("emergency")
        .moveToLastExclusiveGateway().sequenceFlowId("routine").defaultFlow().endEvent("outpatient").done());

    long urgent = start(id, Map.of("score", 9)).getProcessInstanceKey();
    long routine = start(id, Map.of("score", 2)).getProcessInstanceKey();

    assertThat(elements(urgent)).endsWith("triage", "emergency");
    assertThat(elements(routine)).endsWith("triage", "outpatient");
  }

  @Test
  void aParallelGatewayForksAndJoins() {
    String id = uniqueId("and");
    deploy(Bpmn.createExecutableProcess(id).startEvent().parallelGateway("fork")
        .serviceTask("labs", t -> t.zeebeJobType(id + "-labs")).parallelGateway("join").endEvent("end")
        .moveToNode("fork").serviceTask("imaging", t -> t.zeebeJobType(id + "-imaging")).connectTo("join").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id + "-labs").getKey()).send().join();
    assertThat(state(key)).as("the join waits for the other branch").isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(activateOne(id + "-imaging").getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key).stream().filter("join"::equals)).hasSize(1);
    assertThat(elements(key).stream().filter("end"::equals)).hasSize(1);
  }

  @Test
  void anEmbeddedSubprocessRunsItsOwnFlowThenContinues() {
    String id = uniqueId("sub");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("review").embeddedSubProcess()
        .startEvent("reviewStart").serviceTask("read", t -> t.zeebeJobType(id)).endEvent("reviewEnd")
        .subProcessDone().endEvent("end").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).containsSubsequence(id, "review", "reviewStart", "read", "reviewEnd", "end");
  }

  @Test
  void aTerminateEndEventEndsEverythingElseInItsScope() {
    String id = uniqueId("terminate");
    deploy(Bpmn.createExecutableProcess(id).startEvent().parallelGateway("fork")
        .serviceTask("slow", t -> t.zeebeJobType(id)).endEvent("normalEnd")
        .moveToNode("fork").endEvent("stop", e -> e.terminate()).done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elementInstances(key)).filteredOn(e -> e.getElementId().equals("slow"))
        .extracting(e -> e.getState()).containsExactly(ElementInstanceState.TERMINATED);
    assertThat(activate(id, 1)).as("the terminated task's job is gone").isEmpty();
  }

  @Test
  void jobTypeRetriesAndHeadersComeFromTheModelAndFeel() {
    String id = uniqueId("headers");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("task", t -> t.zeebeJobTypeExpression("\"" + id + "-\" + kind").zeebeJobRetriesExpression("2 + 1")
            .zeebeTaskHeader("scenario", "emr-entry.yaml").zeebeTaskHeader("backoff", "PT30S"))
        .endEvent().done());
    start(id, Map.of("kind", "browser"));

    ActivatedJob job = activateOne(id + "-browser");

    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(job.getCustomHeaders()).containsExactlyInAnyOrderEntriesOf(
        Map.of("scenario", "emr-entry.yaml", "backoff", "PT30S"));
    assertThat(job.getWorker()).isEqualTo("spec");
  }

  @Test
  void instancesRunTheLatestVersionOrTheOneAskedFor() {
    String id = uniqueId("versions");
    long v1 = deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent("first").done());
    long v2 = deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent("second").done());

    long latest = start(id, Map.of()).getProcessInstanceKey();
    long byKey = client.newCreateInstanceCommand().processDefinitionKey(v1).send().join().getProcessInstanceKey();
    long byVersion = client.newCreateInstanceCommand().bpmnProcessId(id).version(1).send().join()
        .getProcessInstanceKey();

    assertThat(v2).isNotEqualTo(v1);
    assertThat(elements(latest)).endsWith("second");
    assertThat(elements(byKey)).endsWith("first");
    assertThat(elements(byVersion)).endsWith("first");
    assertThat(instance(latest).getProcessDefinitionVersion()).isEqualTo(2);
  }

  @Test
  void everyStepIsInTheElementInstanceHistoryInOrder() {
    String id = uniqueId("history");
    deploy(Bpmn.createExecutableProcess(id).startEvent("s").serviceTask("t", x -> x.zeebeJobType(id)).endEvent("e")
        .done());
    long key = start(id, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    List<String> completed = elementInstances(key).stream()
        .filter(e -> e.getState() == ElementInstanceState.COMPLETED).map(e -> e.getElementId()).toList();

    assertThat(completed).containsExactly(id, "s", "t", "e");
    assertThat(elementInstances(key)).allSatisfy(e -> assertThat(e.getEndDate()).isNotNull());
  }
}
