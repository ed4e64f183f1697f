package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Error end events throw their code to the nearest error boundary event around them. */
class ErrorEndEventSpec extends EngineTest {

  @Test
  void anErrorEndEventIsCaughtByTheMatchingBoundaryOfItsSubprocess() {
    String id = uniqueId("error-end");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("check").embeddedSubProcess().startEvent()
        .parallelGateway("fork").serviceTask("slow", t -> t.zeebeJobType(id)).endEvent()
        .moveToNode("fork").endEvent("refuse", e -> e.error("INSURANCE_INVALID"))
        .subProcessDone().endEvent("accepted")
        .moveToActivity("check").boundaryEvent("other", b -> b.error("SOMETHING_ELSE")).endEvent("otherPath")
        .moveToActivity("check").boundaryEvent("invalid", b -> b.error("INSURANCE_INVALID")).endEvent("askPatient")
        .done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("refuse", "invalid", "askPatient").doesNotContain("accepted", "otherPath");
    assertThat(elementInstances(key)).filteredOn(e -> e.getElementId().equals("check"))
        .extracting(e -> e.getState()).containsExactly(ElementInstanceState.TERMINATED);
    assertThat(client.newJobSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items())
        .as("the job of the terminated subprocess is canceled").extracting(job -> job.getState())
        .containsExactly(io.camunda.client.api.search.enums.JobState.CANCELED);
  }

  @Test
  void aCatchAllBoundaryCatchesAnErrorCodeComputedByFeel() {
    String id = uniqueId("error-feel");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("check").embeddedSubProcess().startEvent()
        .endEvent("refuse", e -> e.errorExpression("\"REFUSED_\" + reason"))
        .subProcessDone().endEvent("accepted")
        .moveToActivity("check").boundaryEvent("anyError", b -> b.error()).endEvent("fallback").done());

    long key = start(id, Map.of("reason", "AGE")).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("anyError", "fallback").doesNotContain("accepted");
  }

  @Test
  void anUncaughtErrorEndEventIsAnIncidentNamingTheCode() {
    String id = uniqueId("error-uncaught");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .endEvent("refuse", e -> e.error("CLAIM_REJECTED")).done());

    long key = start(id, Map.of()).getProcessInstanceKey();

    List<Incident> incidents = incidents(key);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incidents.get(0).getElementId()).isEqualTo("refuse");
    assertThat(incidents.get(0).getErrorMessage()).contains("CLAIM_REJECTED");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void anErrorCodeExpressionWithoutAValueIsAnIncidentThatCanBeFixed() {
    String id = uniqueId("error-code-missing");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("check").embeddedSubProcess().startEvent()
        .endEvent("refuse", e -> e.errorExpression("reason"))
        .subProcessDone().endEvent()
        .moveToActivity("check").boundaryEvent("anyError", b -> b.error()).endEvent("fallback").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    Incident incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getErrorMessage()).contains("error code").contains("refuse");

    client.newSetVariablesCommand(key).variables(Map.of("reason", "AGE")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("fallback");
  }

  @Test
  void anErrorEndEventWithoutACodeIsRejectedAtDeployment() {
    String id = uniqueId("error-nocode");
    var model = Bpmn.createExecutableProcess(id).startEvent().endEvent("refuse", e -> e.error("X")).done();
    model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Error.class)
        .forEach(error -> error.setErrorCode(null));

    var failure = org.assertj.core.api.Assertions.catchThrowable(() -> deploy(model));

    assertThat(failure).hasMessageContaining("refuse");
  }
}
