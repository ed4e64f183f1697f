package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.engine.spec.DecisionFixtures.dmn;
import static org.tsumugi.engine.spec.DecisionFixtures.fixedCopayment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.engine.TestDatabases;

/** Deployed decisions are read back (and parsed again) when the engine starts on the same database. */
class DecisionRestartSpec {

  @Test
  void decisionsAndTheirVersionsSurviveARestart() {
    Map<String, String> database = TestDatabases.durable("decisions");
    long waiting;
    try (ConfigurableApplicationContext engine = RestartSpec.startEngine(database);
        CamundaClient client = RestartSpec.client(engine)) {
      client.newDeployResourceCommand().addResourceStringUtf8(dmn("copayment.dmn", "r"), "copayment.dmn")
          .addProcessModel(Bpmn.createExecutableProcess("copay").startEvent()
              .businessRuleTask("decide", t -> t.zeebeCalledDecisionId("copayment_r").zeebeResultVariable("rate"))
              .endEvent().done(), "copay.bpmn").send().join();
      waiting = client.newCreateInstanceCommand().bpmnProcessId("copay").latestVersion()
          .variables(Map.of("age", 66)).send().join().getProcessInstanceKey();
    }

    try (ConfigurableApplicationContext engine = RestartSpec.startEngine(database);
        CamundaClient client = RestartSpec.client(engine)) {
      assertThat(client.newEvaluateDecisionCommand().decisionId("copayment_r").variables(Map.of("age", 3)).send()
          .join().getDecisionOutput()).isEqualTo("0.2");
      Incident incident = client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(waiting)).send().join()
          .items().get(0);
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.DECISION_EVALUATION_ERROR);

      var fixed = client.newDeployResourceCommand().addResourceStringUtf8(fixedCopayment("r"), "copayment.dmn")
          .send().join();
      assertThat(fixed.getDecisions().get(0).getVersion()).isEqualTo(2);
      client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
      assertThat(client.newProcessInstanceGetRequest(waiting).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
    }
  }
}
