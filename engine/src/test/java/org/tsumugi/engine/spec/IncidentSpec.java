package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Expression failures stop the instance at an incident a person can fix and retry. */
class IncidentSpec extends EngineTest {

  private Incident onlyActiveIncident(long key) {
    List<Incident> active = incidents(key).stream().filter(i -> i.getState() == IncidentState.ACTIVE).toList();
    assertThat(active).hasSize(1);
    return active.get(0);
  }

  @Test
  void aConditionThatIsNotBooleanStopsAtTheGatewayUntilFixed() {
    String id = uniqueId("condition");
    deploy(Bpmn.createExecutableProcess(id).startEvent().exclusiveGateway("route")
        .sequenceFlowId("toWard").conditionExpression("ward").endEvent("ward")
        .moveToLastExclusiveGateway().defaultFlow().endEvent("home").done());
    long key = start(id, Map.of("ward", "内科")).getProcessInstanceKey();

    Incident incident = onlyActiveIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incident.getElementId()).isEqualTo("route");
    assertThat(incident.getErrorMessage()).contains("toWard").contains("boolean");

    client.newSetVariablesCommand(key).variables(Map.of("ward", true)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).endsWith("ward");
  }

  @Test
  void noFlowToTakeIsAnIncident() {
    String id = uniqueId("noflow");
    deploy(Bpmn.createExecutableProcess(id).startEvent().exclusiveGateway("route")
        .conditionExpression("x > 1").endEvent().moveToLastExclusiveGateway().conditionExpression("x < 0").endEvent()
        .done());
    long key = start(id, Map.of("x", 0)).getProcessInstanceKey();

    assertThat(onlyActiveIncident(key).getErrorMessage()).contains("no condition is true");
  }

  @Test
  void aJobTypeExpressionWithoutAValueStopsAtTheTaskUntilFixed() {
    String id = uniqueId("jobtype");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("robot", t -> t.zeebeJobTypeExpression("robotType")).endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    Incident incident = onlyActiveIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getErrorMessage()).contains("job type").contains("robot");

    client.newSetVariablesCommand(key).variables(Map.of("robotType", id)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void cancellingAnInstanceResolvesItsIncidents() {
    String id = uniqueId("cancelled");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("robot", t -> t.zeebeJobTypeExpression("robotType")).endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newCancelInstanceCommand(key).send().join();

    assertThat(incidents(key)).extracting(Incident::getState).containsOnly(IncidentState.RESOLVED);
  }
}
