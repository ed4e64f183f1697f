package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/**
 * Inclusive gateways fork on every true condition and join the branches that were taken: a join waits
 * while a token of its scope can still reach one of its incoming flows that has no token yet.
 */
class InclusiveGatewaySpec extends EngineTest {

  /** labs if needed, imaging if needed, else a consultation; the taken branches join before the report. */
  private BpmnModelInstance orders(String id) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(id).startEvent().inclusiveGateway("orders")
        .sequenceFlowId("toLabs").conditionExpression("needsLabs").serviceTask("labs", t -> t.zeebeJobType(id + "-labs"))
        .inclusiveGateway("merge").serviceTask("report", t -> t.zeebeJobType(id + "-report")).endEvent()
        .moveToNode("orders").sequenceFlowId("toImaging").conditionExpression("needsImaging")
        .serviceTask("imaging", t -> t.zeebeJobType(id + "-imaging")).connectTo("merge")
        .moveToNode("orders").sequenceFlowId("toConsult").serviceTask("consult", t -> t.zeebeJobType(id + "-consult"))
        .connectTo("merge").done();
    return withDefault(model, "orders", "toConsult");
  }

  private static BpmnModelInstance withDefault(BpmnModelInstance model, String gatewayId, String flowId) {
    InclusiveGateway gateway = model.getModelElementById(gatewayId);
    gateway.setDefault(model.getModelElementById(flowId));
    return model;
  }

  @Test
  void itTakesEveryTrueFlowAndTheJoinWaitsForAllOfThem() {
    String id = uniqueId("or-both");
    deploy(orders(id));
    long key = start(id, Map.of("needsLabs", true, "needsImaging", true)).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id + "-labs").getKey()).send().join();
    assertThat(elements(key)).as("the join waits for imaging").doesNotContain("merge");
    client.newCompleteCommand(activateOne(id + "-imaging").getKey()).send().join();
    client.newCompleteCommand(activateOne(id + "-report").getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).doesNotContain("consult");
    assertThat(elements(key).stream().filter("merge"::equals)).hasSize(1);
  }

  @Test
  void theJoinDoesNotWaitForABranchThatWasNotTaken() {
    String id = uniqueId("or-one");
    deploy(orders(id));
    long key = start(id, Map.of("needsLabs", true, "needsImaging", false)).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id + "-labs").getKey()).send().join();
    client.newCompleteCommand(activateOne(id + "-report").getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).doesNotContain("imaging", "consult");
  }

  @Test
  void theDefaultFlowIsTakenOnlyWhenNoConditionIsTrue() {
    String id = uniqueId("or-default");
    deploy(orders(id));
    long key = start(id, Map.of("needsLabs", false, "needsImaging", false)).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id + "-consult").getKey()).send().join();
    client.newCompleteCommand(activateOne(id + "-report").getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).doesNotContain("labs", "imaging");
  }

  @Test
  void noTrueConditionAndNoDefaultIsAnIncidentThatCanBeFixed() {
    String id = uniqueId("or-none");
    deploy(Bpmn.createExecutableProcess(id).startEvent().inclusiveGateway("orders")
        .conditionExpression("needsLabs").endEvent("labs")
        .moveToNode("orders").conditionExpression("needsImaging").endEvent("imaging").done());
    long key = start(id, Map.of("needsLabs", false, "needsImaging", false)).getProcessInstanceKey();

    var incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incident.getErrorMessage()).contains("orders").contains("no condition is true");

    client.newSetVariablesCommand(key).variables(Map.of("needsImaging", true)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("imaging").doesNotContain("labs");
  }

  @Test
  void aBranchThatEndsElsewhereReleasesTheJoin() {
    String id = uniqueId("or-leave");
    deploy(Bpmn.createExecutableProcess(id).startEvent().inclusiveGateway("fork")
        .conditionExpression("true").serviceTask("labs", t -> t.zeebeJobType(id + "-labs")).inclusiveGateway("merge")
        .endEvent("reported")
        .moveToNode("fork").conditionExpression("true").serviceTask("triage", t -> t.zeebeJobType(id + "-triage"))
        .exclusiveGateway("stillNeeded").conditionExpression("needed").connectTo("merge")
        .moveToNode("stillNeeded").conditionExpression("not(needed)").endEvent("dropped").done());
    long key = start(id, Map.of("needed", false)).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id + "-labs").getKey()).send().join();
    assertThat(elements(key)).as("triage may still reach the join").doesNotContain("merge");
    client.newCompleteCommand(activateOne(id + "-triage").getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("dropped", "merge", "reported");
  }

  @Test
  void aFlowStraightToTheJoinWaitsForTheOtherFlowsTakenAtTheSameTime() {
    String id = uniqueId("or-direct");
    deploy(Bpmn.createExecutableProcess(id).startEvent().inclusiveGateway("fork")
        .sequenceFlowId("direct").conditionExpression("true").inclusiveGateway("merge").endEvent("end")
        .moveToNode("fork").sequenceFlowId("viaLabs").conditionExpression("true")
        .serviceTask("labs", t -> t.zeebeJobType(id)).connectTo("merge").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(elements(key)).as("the join waits for labs").doesNotContain("merge");
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key).stream().filter("end"::equals)).hasSize(1);
  }

  @Test
  void aFlowWithoutConditionThatIsNotTheDefaultIsRejectedAtDeployment() {
    String id = uniqueId("or-invalid");
    var failure = org.assertj.core.api.Assertions.catchThrowable(() -> deploy(Bpmn.createExecutableProcess(id)
        .startEvent().inclusiveGateway("orders").conditionExpression("a").endEvent()
        .moveToNode("orders").sequenceFlowId("bare").endEvent().done()));

    assertThat(failure).hasMessageContaining("bare");
  }
}
