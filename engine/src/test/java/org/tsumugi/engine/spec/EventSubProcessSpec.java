package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Error event subprocesses, and boundary events on multi-instance activities. */
class EventSubProcessSpec extends EngineTest {

  @Test
  void anErrorEventSubprocessCatchesAJobsErrorAndEndsTheRestOfTheProcess() {
    String id = uniqueId("esp-error");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("onInvalid", s -> s.startEvent("invalid").error("INVALID_CLAIM")
            .serviceTask("askClerk", t -> t.zeebeJobType(id + "-clerk")).endEvent("handled"))
        .startEvent().parallelGateway("fork").serviceTask("check", t -> t.zeebeJobType(id)).endEvent("checked")
        .moveToNode("fork").serviceTask("print", t -> t.zeebeJobType(id + "-print")).endEvent("printed").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("INVALID_CLAIM")
        .variables(Map.of("reason", "missing insurer number")).send().join();

    assertThat(activate(id + "-print", 1)).as("the parallel branch ended with the scope").isEmpty();
    assertThat(activateOne(id + "-clerk").getVariablesAsMap()).containsEntry("reason", "missing insurer number");
  }

  @Test
  void anErrorEventSubprocessInsideASubprocessCatchesBeforeTheBoundaryOnIt() {
    String id = uniqueId("esp-inner");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .subProcess("batch", sub -> sub.embeddedSubProcess()
            .eventSubProcess("inner", s -> s.startEvent("innerStart").error("E").endEvent("innerEnd"))
            .startEvent().serviceTask("work", t -> t.zeebeJobType(id)).endEvent())
        .boundaryEvent("outer").error("E").endEvent("outerEnd")
        .moveToActivity("batch").endEvent("batchDone").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("E").send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("innerStart", "innerEnd", "batchDone").doesNotContain("outer", "outerEnd");
  }

  @Test
  void aBoundaryNamingTheCodeWinsOverACatchAllEventSubprocessOfTheSameSubprocess() {
    String id = uniqueId("esp-catch-all");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .subProcess("batch", sub -> sub.embeddedSubProcess()
            .eventSubProcess("inner", s -> s.startEvent("anyError").error().endEvent("innerEnd"))
            .startEvent().serviceTask("work", t -> t.zeebeJobType(id)).endEvent())
        .boundaryEvent("rejected").error("REJECTED").endEvent("rejectedEnd")
        .moveToActivity("batch").endEvent("batchDone").done());
    long specific = start(id, Map.of()).getProcessInstanceKey();
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("REJECTED").send().join();
    long other = start(id, Map.of()).getProcessInstanceKey();
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("TIMEOUT").send().join();

    assertThat(elements(specific)).contains("rejected", "rejectedEnd").doesNotContain("anyError", "batchDone");
    assertThat(elements(other)).contains("anyError", "innerEnd", "batchDone").doesNotContain("rejected");
  }

  @Test
  void anErrorThrownInsideAnErrorEventSubprocessGoesFurtherOut() {
    String id = uniqueId("esp-rethrow");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .subProcess("batch", sub -> sub.embeddedSubProcess()
            .eventSubProcess("inner", s -> s.startEvent("innerStart").error("E")
                .serviceTask("cleanUp", t -> t.zeebeJobType(id + "-cleanup")).endEvent())
            .startEvent().serviceTask("work", t -> t.zeebeJobType(id)).endEvent())
        .boundaryEvent("outer").error("E").endEvent("outerEnd")
        .moveToActivity("batch").endEvent("batchDone").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("E").send().join();
    client.newThrowErrorCommand(activateOne(id + "-cleanup").getKey()).errorCode("E").send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("innerStart", "outer", "outerEnd").doesNotContain("batchDone");
  }

  @Test
  void aTimerOnAMultiInstanceTaskWaitsOnceForAllItsInstances() {
    String id = uniqueId("mi-timer");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("enter", t -> t.zeebeJobType(id).multiInstance(mi -> mi.parallel()
            .zeebeInputCollectionExpression("patients").zeebeInputElement("patient")))
        .boundaryEvent("tooLate", b -> b.timerWithDuration("PT1H")).endEvent("escalated")
        .moveToActivity("enter").endEvent("entered").done());
    PinnedClock clock = new PinnedClock(client);
    try {
      long key = start(id, Map.of("patients", List.of("P-1", "P-2", "P-3"))).getProcessInstanceKey();
      assertThat(activate(id, 5)).hasSize(3);

      clock.advance(Duration.ofMinutes(61));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED));
      assertThat(elements(key).stream().filter("tooLate"::equals)).hasSize(1);
      assertThat(elements(key)).contains("escalated").doesNotContain("entered");
    } finally {
      clock.reset();
    }
  }
}
