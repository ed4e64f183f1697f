package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.engine.spec.RestartSpec.client;
import static org.tsumugi.engine.spec.RestartSpec.startEngine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.engine.TestDatabases;

/** Loops and called processes in progress carry on after a restart where they stopped. */
class StructureRestartSpec {

  private static ActivatedJob next(CamundaClient client) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType("loop.call").maxJobsToActivate(5).send().join()
        .getJobs();
    assertThat(jobs).as("one instance of the sequential loop at a time").hasSize(1);
    return jobs.get(0);
  }

  @Test
  void aSequentialLoopKeepsItsPositionCountersAndOutputAcrossARestart() {
    Map<String, String> database = TestDatabases.durable("loop");
    long instance;
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("loop").startEvent()
          .serviceTask("call", t -> t.zeebeJobType("loop.call").multiInstance(m -> m.sequential()
              .zeebeInputCollectionExpression("patients").zeebeInputElement("patient")
              .zeebeOutputCollection("reached").zeebeOutputElementExpression("reached")
              .completionCondition("= numberOfCompletedInstances = 3")))
          .endEvent().done(), "loop.bpmn").send().join();
      instance = client.newCreateInstanceCommand().bpmnProcessId("loop").latestVersion()
          .variables(Map.of("patients", List.of("P-1", "P-2", "P-3", "P-4"))).send().join().getProcessInstanceKey();
      ActivatedJob first = next(client);
      assertThat(first.getVariablesAsMap()).containsEntry("patient", "P-1").containsEntry("loopCounter", 1);
      client.newCompleteCommand(first.getKey()).variables(Map.of("reached", true)).send().join();
    }

    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      ActivatedJob second = next(client);
      assertThat(second.getVariablesAsMap()).containsEntry("patient", "P-2").containsEntry("loopCounter", 2);
      client.newCompleteCommand(second.getKey()).variables(Map.of("reached", false)).send().join();
      ActivatedJob third = next(client);
      assertThat(third.getVariablesAsMap()).containsEntry("patient", "P-3").containsEntry("loopCounter", 3);
      client.newCompleteCommand(third.getKey()).variables(Map.of("reached", true)).send().join();

      assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
          .as("the third completion meets the condition, counting the one before the restart")
          .isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(client.newVariableSearchRequest().filter(f -> f.scopeKey(instance).name("reached"))
          .send().join().items()).singleElement().satisfies(variable ->
              assertThat(variable.getValue()).isEqualTo("[true,false,true,null]"));
    }
  }

  @Test
  void aCallActivityWaitingForItsChildIsStillLinkedToItAfterARestart() {
    Map<String, String> database = TestDatabases.durable("called");
    long first;
    long second;
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("called.child").startEvent()
              .serviceTask("enter", t -> t.zeebeJobType("called.enter")).endEvent().done(), "child.bpmn")
          .addProcessModel(Bpmn.createExecutableProcess("called.parent").startEvent()
              .callActivity("register", c -> c.zeebeProcessId("called.child")).endEvent().done(), "parent.bpmn")
          .send().join();
      first = client.newCreateInstanceCommand().bpmnProcessId("called.parent").latestVersion().send().join()
          .getProcessInstanceKey();
      second = client.newCreateInstanceCommand().bpmnProcessId("called.parent").latestVersion().send().join()
          .getProcessInstanceKey();
    }

    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      long firstChild = childOf(client, first);
      long secondChild = childOf(client, second);
      ActivatedJob job = client.newActivateJobsCommand().jobType("called.enter").maxJobsToActivate(2).send().join()
          .getJobs().stream().filter(j -> j.getProcessInstanceKey() == firstChild).findFirst().orElseThrow();
      client.newCompleteCommand(job.getKey()).variables(Map.of("chartNumber", 9)).send().join();
      client.newCancelInstanceCommand(second).send().join();

      assertThat(client.newProcessInstanceGetRequest(first).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(client.newProcessInstanceGetRequest(secondChild).send().join().getState())
          .as("cancelling the parent after the restart still reaches its child")
          .isEqualTo(ProcessInstanceState.TERMINATED);
    }
  }

  private static long childOf(CamundaClient client, long parent) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.parentProcessInstanceKey(parent)).send().join()
        .items().get(0).getProcessInstanceKey();
  }
}
