package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

class SmokeTest extends EngineTest {

  @Test
  void aServiceTaskRunsThroughTheOfficialClient() {
    String id = uniqueId("smoke");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("work", t -> t.zeebeJobType(id + "-job"))
        .endEvent().done());
    var instance = start(id, Map.of("patient", "A"));
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(id + "-job").maxJobsToActivate(5)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getVariablesAsMap()).containsEntry("patient", "A");
    client.newCompleteCommand(jobs.get(0).getKey()).variables(Map.of("done", true)).send().join();
    var result = client.newProcessInstanceGetRequest(instance.getProcessInstanceKey()).send().join();
    assertThat(result.getState().name()).isEqualTo("COMPLETED");
  }
}
