package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.tsumugi.engine.EngineTest;

/** Spring @JobWorker methods of the Camunda starter work against the embedded engine unchanged. */
@Import(JobWorkerSpec.Workers.class)
class JobWorkerSpec extends EngineTest {

  /** Public, as the starter invokes worker methods reflectively. */
  @TestConfiguration
  public static class Workers {
    @JobWorker(type = "tsumugi.spec.greet")
    public Map<String, Object> greet(@Variable String name) {
      return Map.of("greeting", "こんにちは、" + name + "さん");
    }

    @JobWorker(type = "tsumugi.spec.eligibility")
    public void checkEligibility(@Variable int age) {
      if (age < 18) {
        throw CamundaError.bpmnError("NOT_ELIGIBLE", "未成年のため対象外です");
      }
    }
  }

  @Test
  void anAnnotatedWorkerCompletesJobsWithItsResult() {
    String id = uniqueId("greet");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("greet", t -> t.zeebeJobType("tsumugi.spec.greet"))
        .endEvent().done());

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("name", "鈴木"))
        .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("greeting", "こんにちは、鈴木さん");
  }

  @Test
  void anAnnotatedWorkerThrowsBpmnErrorsThatBoundaryEventsCatch() {
    String id = uniqueId("eligibility");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("check", t -> t.zeebeJobType("tsumugi.spec.eligibility"))
        .boundaryEvent("rejected", b -> b.error("NOT_ELIGIBLE")).endEvent("declined")
        .moveToActivity("check").endEvent("accepted").done());

    var minor = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("age", 12))
        .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();
    var adult = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("age", 40))
        .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

    assertThat(elements(minor.getProcessInstanceKey())).contains("declined").doesNotContain("accepted");
    assertThat(elements(adult.getProcessInstanceKey())).contains("accepted").doesNotContain("declined");
  }
}
