package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/**
 * Escalations go up to the nearest matching escalation boundary event, interrupting or not; one that
 * nobody catches changes nothing, as in Camunda 8.
 */
class EscalationSpec extends EngineTest {

  @Test
  void aNonInterruptingBoundaryCatchesAThrowEventAndTheSubprocessGoesOn() {
    String id = uniqueId("esc-throw");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("treatment").embeddedSubProcess().startEvent()
        .intermediateThrowEvent("late", e -> e.escalation("OVERDUE")).serviceTask("treat", t -> t.zeebeJobType(id))
        .endEvent().subProcessDone().endEvent("treated")
        .moveToActivity("treatment").boundaryEvent("overdue", b -> b.escalation("OVERDUE").cancelActivity(false))
        .endEvent("leadInformed").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(elements(key)).contains("overdue", "leadInformed");
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("late", "treat", "treated");
  }

  @Test
  void anInterruptingBoundaryCatchesAnEscalationEndEventAndEndsTheSubprocess() {
    String id = uniqueId("esc-end");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("treatment").embeddedSubProcess().startEvent()
        .parallelGateway("fork").serviceTask("treat", t -> t.zeebeJobType(id)).endEvent()
        .moveToNode("fork").endEvent("giveUp", e -> e.escalation("HANDOVER"))
        .subProcessDone().endEvent("treated")
        .moveToActivity("treatment").boundaryEvent("handover", b -> b.escalation()).endEvent("transferred").done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("handover", "transferred").doesNotContain("treated");
    assertThat(elementInstances(key)).filteredOn(e -> e.getElementId().equals("treat"))
        .extracting(e -> e.getState()).containsExactly(ElementInstanceState.TERMINATED);
  }

  @Test
  void aBoundaryNamingTheEscalationCodeWinsOverACatchAllBesideIt() {
    String id = uniqueId("esc-exact");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("treatment").embeddedSubProcess().startEvent()
        .intermediateThrowEvent("late", e -> e.escalation("OVERDUE")).endEvent().subProcessDone().endEvent("treated")
        .moveToActivity("treatment").boundaryEvent("anyEscalation", b -> b.escalation().cancelActivity(false))
        .endEvent("generic")
        .moveToActivity("treatment").boundaryEvent("overdue", b -> b.escalation("OVERDUE").cancelActivity(false))
        .endEvent("leadInformed").done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("overdue", "leadInformed", "treated").doesNotContain("anyEscalation");
  }

  @Test
  void anEscalationNobodyCatchesChangesNothing() {
    String id = uniqueId("esc-uncaught");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("treatment").embeddedSubProcess().startEvent()
        .intermediateThrowEvent("late", e -> e.escalation("OVERDUE")).endEvent("subEnd", e -> e.escalation("DONE"))
        .subProcessDone().endEvent("treated")
        .moveToActivity("treatment").boundaryEvent("other", b -> b.escalation("SOMETHING_ELSE")).endEvent("otherPath")
        .done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("late", "subEnd", "treated").doesNotContain("other", "otherPath");
    assertThat(incidents(key)).isEmpty();
  }

  @Test
  void anEscalationOfACalledProcessIsCaughtOnTheCallActivity() {
    String childId = uniqueId("esc-child");
    String id = uniqueId("esc-parent");
    deploy(Bpmn.createExecutableProcess(childId).startEvent()
        .intermediateThrowEvent("late", e -> e.escalationExpression("\"LATE_\" + ward"))
        .serviceTask("work", t -> t.zeebeJobType(childId)).endEvent().done());
    deploy(Bpmn.createExecutableProcess(id).startEvent().callActivity("call", c -> c.zeebeProcessId(childId))
        .endEvent("done")
        .moveToActivity("call").boundaryEvent("late", b -> b.escalation("LATE_ICU").cancelActivity(false))
        .endEvent("informed").done());
    long key = start(id, Map.of("ward", "ICU")).getProcessInstanceKey();

    assertThat(elements(key)).contains("informed").doesNotContain("done");
    client.newCompleteCommand(activateOne(childId).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("done");
  }
}
