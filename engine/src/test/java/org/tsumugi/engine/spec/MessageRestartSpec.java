package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.engine.spec.RestartSpec.client;
import static org.tsumugi.engine.spec.RestartSpec.startEngine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.engine.TestDatabases;

/** Buffered messages, open message subscriptions and message start keys outlive a restart of the engine. */
class MessageRestartSpec {

  private static ActivatedJob activateOne(CamundaClient client, String type) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
    assertThat(jobs).as("a job of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  private static ProcessInstanceState state(CamundaClient client, long key) {
    return client.newProcessInstanceGetRequest(key).send().join().getState();
  }

  @Test
  void aBufferedMessageAndAnOpenSubscriptionAreStillThereAfterARestart() {
    Map<String, String> database = TestDatabases.durable("messages");
    long buffered;
    long waiting;
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("lab").startEvent()
          .serviceTask("draw", t -> t.zeebeJobType("lab.draw"))
          .intermediateCatchEvent("result", e -> e.message(m -> m.name("lab-result").zeebeCorrelationKeyExpression("sampleId")))
          .endEvent().done(), "lab.bpmn").send().join();
      buffered = client.newCreateInstanceCommand().bpmnProcessId("lab").latestVersion()
          .variables(Map.of("sampleId", "s-1")).send().join().getProcessInstanceKey();
      waiting = client.newCreateInstanceCommand().bpmnProcessId("lab").latestVersion()
          .variables(Map.of("sampleId", "s-2")).send().join().getProcessInstanceKey();
      client.newCompleteCommand(activateOne(client, "lab.draw").getKey()).send().join();
      client.newCompleteCommand(activateOne(client, "lab.draw").getKey()).send().join();
      // both wait at the catch event now; the message for s-3 waits in the buffer for an instance not started yet
      client.newPublishMessageCommand().messageName("lab-result").correlationKey("s-3").timeToLive(Duration.ofHours(1))
          .variables(Map.of("value", 42)).send().join();
    }

    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newPublishMessageCommand().messageName("lab-result").correlationKey("s-2").send().join();
      assertThat(state(client, waiting)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(state(client, buffered)).isEqualTo(ProcessInstanceState.ACTIVE);

      long late = client.newCreateInstanceCommand().bpmnProcessId("lab").latestVersion()
          .variables(Map.of("sampleId", "s-3")).send().join().getProcessInstanceKey();
      client.newCompleteCommand(activateOne(client, "lab.draw").getKey()).send().join();
      assertThat(state(client, late)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(late).name("value")).send().join()
          .items()).extracting(v -> v.getValue()).containsExactly("42");
    }
  }

  @Test
  void aMessageStartEventStillKeepsOneInstancePerKeyAfterARestart() {
    Map<String, String> database = TestDatabases.durable("message-start");
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("admit").startEvent()
          .message("admission").serviceTask("assignBed", t -> t.zeebeJobType("admit.bed")).endEvent().done(),
          "admit.bpmn").send().join();
      for (int n = 1; n <= 2; n++) {
        client.newPublishMessageCommand().messageName("admission").correlationKey("patient-1")
            .timeToLive(Duration.ofHours(1)).variables(Map.of("n", n)).send().join();
      }
    }

    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newPublishMessageCommand().messageName("admission").correlationKey("patient-1").send().join();
      ActivatedJob first = activateOne(client, "admit.bed");
      assertThat(first.getVariablesAsMap()).containsEntry("n", 1);
      client.newCompleteCommand(first.getKey()).send().join();

      ActivatedJob second = activateOne(client, "admit.bed");
      assertThat(second.getVariablesAsMap()).containsEntry("n", 2);
      assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("admit")).send().join()
          .page().totalItems()).isEqualTo(2);
    }
  }
}
