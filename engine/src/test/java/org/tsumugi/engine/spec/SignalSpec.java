package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** A broadcast signal reaches every catch event waiting for its name at that moment, and nothing later. */
class SignalSpec extends EngineTest {

  private void broadcast(String name, Map<String, Object> variables) {
    client.newBroadcastSignalCommand().signalName(name).variables(variables).send().join();
  }

  @Test
  void aSignalStartsOneInstanceOfEveryProcessWithItsStartEvent() {
    String signal = uniqueId("code-blue");
    String alarm = uniqueId("alarm");
    String log = uniqueId("log");
    deploy(Bpmn.createExecutableProcess(alarm).startEvent("alarmed").signal(signal).endEvent().done());
    deploy(Bpmn.createExecutableProcess(log).startEvent().signal(signal).endEvent().done());

    long key = client.newBroadcastSignalCommand().signalName(signal).variables(Map.of("room", "ICU-2")).send().join()
        .getKey();

    assertThat(key).isPositive();
    assertThat(instancesOf(alarm)).hasSize(1);
    assertThat(instancesOf(log)).hasSize(1);
    long started = instancesOf(alarm).get(0);
    assertThat(elements(started)).contains("alarmed");
    assertThat(variables(started)).containsEntry("room", "\"ICU-2\"");
  }

  @Test
  void aSignalReachesEveryInstanceWaitingAtACatchEvent() {
    String signal = uniqueId("power-restored");
    String id = uniqueId("wait-power");
    deploy(Bpmn.createExecutableProcess(id).startEvent().intermediateCatchEvent("restored").signal(signal)
        .endEvent("resumed").done());
    long first = start(id, Map.of()).getProcessInstanceKey();
    long second = start(id, Map.of()).getProcessInstanceKey();

    broadcast(signal, Map.of("at", "night"));

    assertThat(state(first)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(state(second)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(first)).containsEntry("at", "\"night\"");
  }

  @Test
  void aSignalIsNotBufferedForCatchEventsReachedLater() {
    String signal = uniqueId("early");
    String id = uniqueId("late-catch");
    deploy(Bpmn.createExecutableProcess(id).startEvent().intermediateCatchEvent("heard").signal(signal)
        .endEvent().done());

    broadcast(signal, Map.of());
    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void anInterruptingSignalBoundaryEventCancelsTheTaskAndANonInterruptingOneRunsBeside() {
    String evacuate = uniqueId("evacuate");
    String notice = uniqueId("notice");
    String id = uniqueId("surgery");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("operate", t -> t.zeebeJobType(id))
        .boundaryEvent("evacuated").signal(evacuate).endEvent("abandoned")
        .moveToActivity("operate").boundaryEvent("noticed", b -> b.cancelActivity(false)).signal(notice)
        .endEvent("read")
        .moveToActivity("operate").endEvent("operated").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    broadcast(notice, Map.of());
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
    broadcast(evacuate, Map.of());

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("noticed", "read", "evacuated", "abandoned").doesNotContain("operated");
  }

  @Test
  void aSignalEventSubprocessInterruptsItsScope() {
    String signal = uniqueId("recall");
    String id = uniqueId("dispense");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("recalled", s -> s.startEvent("recallStart").signal(signal).endEvent("stopped"))
        .startEvent().serviceTask("dispense", t -> t.zeebeJobType(id)).endEvent("dispensed").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    broadcast(signal, Map.of());

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("recallStart", "stopped").doesNotContain("dispensed");
  }

  @Test
  void aSignalWithAHugePayloadIsRefusedAndTriggersNothing() {
    String signal = uniqueId("flood");
    String id = uniqueId("flood-wait");
    deploy(Bpmn.createExecutableProcess(id).startEvent().intermediateCatchEvent("heard").signal(signal)
        .endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThatThrownBy(() -> broadcast(signal, Map.of("image", "x".repeat(1_200_000))))
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(413);
          assertThat(problem.details().getDetail()).contains("max-message-bytes");
        });
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void aSignalWithoutANameIsRefused() {
    assertThatThrownBy(() -> client.newBroadcastSignalCommand().signalName("").send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(400);
          assertThat(problem.details().getDetail()).contains("signalName");
        });
  }
}
