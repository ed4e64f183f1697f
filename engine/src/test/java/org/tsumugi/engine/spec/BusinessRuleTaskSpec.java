package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.engine.spec.DecisionFixtures.deployDmn;
import static org.tsumugi.engine.spec.DecisionFixtures.dmn;
import static org.tsumugi.engine.spec.DecisionFixtures.fixedCopayment;
import static org.tsumugi.engine.spec.DecisionFixtures.suffix;

import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.engine.EngineTest;

/** Business rule tasks that call a decision evaluate it on activation, without a job. */
class BusinessRuleTaskSpec extends EngineTest {

  @Autowired JdbcTemplate jdbc;

  private static BpmnModelInstance calling(String processId, String decisionId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("result"))
        .endEvent("end").done();
  }

  private Incident onlyActiveIncident(long processInstanceKey) {
    List<Incident> active = incidents(processInstanceKey).stream().filter(i -> i.getState() == IncidentState.ACTIVE)
        .toList();
    assertThat(active).hasSize(1);
    return active.get(0);
  }

  @Test
  void theTaskWritesTheDecisionResultToItsResultVariableAndGoesOn() {
    String s = suffix();
    String id = uniqueId("triage");
    client.newDeployResourceCommand().addResourceStringUtf8(dmn("triage.dmn", s), "triage.dmn")
        .addProcessModel(calling(id, "triage_" + s), id + ".bpmn").send().join();

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("age", 78, "spo2", 92, "heartRate", 88)).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("result", Map.of("level", 3, "category", "準緊急"));
    assertThat(elements(result.getProcessInstanceKey())).containsExactly(id, "start", "decide", "end");
  }

  @Test
  void outputMappingsApplyToTheResultAsInCamunda() {
    String s = suffix();
    String id = uniqueId("mapped");
    deployDmn(client, "claim-check.dmn", s);
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .businessRuleTask("check", t -> t.zeebeCalledDecisionId("claimCheck_" + s).zeebeResultVariable("findings")
            .zeebeOutputExpression("count(findings)", "findingCount"))
        .endEvent().done());

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("points", 150000, "actualDays", 3)).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("findingCount", 1).doesNotContainKey("findings");
  }

  @Test
  void theDecisionIdMayBeAnExpression() {
    String s = suffix();
    String id = uniqueId("dynamic");
    deployDmn(client, "claim-check.dmn", s);
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .businessRuleTask("check", t -> t.zeebeCalledDecisionIdExpression("\"claimCheck_\" + table")
            .zeebeResultVariable("findings"))
        .endEvent().done());

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("table", s, "points", 10, "actualDays", 30)).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("findings", List.of("実日数過多"));
  }

  @Test
  void anUnknownDecisionIsAnIncidentThatDeployingTheDecisionAndResolvingFixes() {
    String s = suffix();
    String id = uniqueId("unknown");
    deploy(calling(id, "claimCheck_" + s));
    long key = start(id, Map.of("points", 200000, "actualDays", 1)).getProcessInstanceKey();

    Incident incident = onlyActiveIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_DECISION_ERROR);
    assertThat(incident.getElementId()).isEqualTo("decide");
    assertThat(incident.getErrorMessage()).contains("claimCheck_" + s);

    deployDmn(client, "claim-check.dmn", s);
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("result", "[\"高額レセプト\"]");
  }

  @Test
  void aHitPolicyViolationIsAnIncidentNamingTheDecisionAndAFixedVersionResolvesIt() {
    String s = suffix();
    String id = uniqueId("copay");
    deployDmn(client, "copayment.dmn", s);
    deploy(calling(id, "copayment_" + s));
    long key = start(id, Map.of("age", 67)).getProcessInstanceKey();

    Incident incident = onlyActiveIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.DECISION_EVALUATION_ERROR);
    assertThat(incident.getErrorMessage()).contains("copayment_" + s).containsIgnoringCase("unique");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(variables(key)).doesNotContainKey("result");

    client.newDeployResourceCommand().addResourceStringUtf8(fixedCopayment(s), "copayment.dmn").send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("result", "0.3");
    assertThat(client.newDecisionInstanceSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items())
        .extracting(DecisionInstance::getState, DecisionInstance::getDecisionDefinitionVersion)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(DecisionInstanceState.FAILED, 1),
            org.assertj.core.groups.Tuple.tuple(DecisionInstanceState.EVALUATED, 2));
  }

  @Test
  void withBindingTypeDeploymentTheTaskKeepsTheVersionDeployedWithTheProcess() {
    String s = suffix();
    String id = uniqueId("bound");
    client.newDeployResourceCommand().addResourceStringUtf8(fixedCopayment(s), "copayment.dmn")
        .addProcessModel(Bpmn.createExecutableProcess(id).startEvent()
            .businessRuleTask("decide", t -> t.zeebeCalledDecisionId("copayment_" + s).zeebeResultVariable("result")
                .zeebeBindingType(ZeebeBindingType.deployment))
            .endEvent().done(), id + ".bpmn").send().join();
    String raised = fixedCopayment(s).replace("<text>0.3</text>", "<text>0.1</text>");
    client.newDeployResourceCommand().addResourceStringUtf8(raised, "copayment.dmn").send().join();

    var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("age", 40))
        .withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("result", 0.3);
  }

  @Test
  void withBindingTypeVersionTagTheTaskUsesTheLatestVersionWithThatTag() {
    String s = suffix();
    String id = uniqueId("tagged");
    String fy2024 = DecisionFixtures.tagged(fixedCopayment(s), "copayment_" + s, "FY2024");
    String fy2026 = DecisionFixtures.tagged(fixedCopayment(s).replace("<text>0.3</text>", "<text>0.25</text>"),
        "copayment_" + s, "FY2026");
    client.newDeployResourceCommand().addResourceStringUtf8(fy2024, "copayment.dmn").send().join();
    client.newDeployResourceCommand().addResourceStringUtf8(fy2026, "copayment.dmn").send().join();
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionId("copayment_" + s).zeebeResultVariable("result")
            .zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("FY2024"))
        .endEvent().done());

    assertThat(client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("age", 40)).withResult().send().join().getVariablesAsMap()).containsEntry("result", 0.3);
  }

  @Test
  void anUnknownVersionTagIsAnIncidentNamingIt() {
    String s = suffix();
    String id = uniqueId("untagged");
    deployDmn(client, "claim-check.dmn", s);
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .businessRuleTask("check", t -> t.zeebeCalledDecisionId("claimCheck_" + s).zeebeResultVariable("findings")
            .zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("FY2030"))
        .endEvent().done());
    long key = start(id, Map.of("points", 1, "actualDays", 1)).getProcessInstanceKey();

    Incident incident = onlyActiveIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_DECISION_ERROR);
    assertThat(incident.getErrorMessage()).contains("claimCheck_" + s).contains("FY2030");
  }

  @Test
  void theEvaluationIsADecisionInstanceOfTheTaskAndTheHistoryNamesItWithoutValues() {
    String s = suffix();
    String id = uniqueId("record");
    deployDmn(client, "triage.dmn", s);
    deploy(calling(id, "triage_" + s));
    long key = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("age", 30, "spo2", 85, "heartRate", 140)).withResult().send().join().getProcessInstanceKey();

    List<DecisionInstance> instances = client.newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(key)).send().join().items();
    assertThat(instances).extracting(DecisionInstance::getDecisionDefinitionId)
        .containsExactlyInAnyOrder("ageGroup_" + s, "triage_" + s);
    DecisionInstance triage = instances.stream().filter(i -> i.getDecisionDefinitionId().equals("triage_" + s))
        .findFirst().orElseThrow();
    assertThat(triage.getElementInstanceKey()).isEqualTo(elementInstances(key).stream()
        .filter(e -> e.getElementId().equals("decide")).findFirst().orElseThrow().getElementInstanceKey());

    DecisionInstance detail = client.newDecisionInstanceGetRequest(triage.getDecisionInstanceId()).send().join();
    assertThat(detail.getMatchedRules()).extracting(MatchedDecisionRule::getRuleId).containsExactly("resuscitation");
    assertThat(detail.getEvaluatedInputs()).extracting(input -> input.getInputName() + "=" + input.getInputValue())
        .containsExactly("SpO2 (%)=85", "心拍数=140", "年齢区分=\"adult\"");

    List<String> history = jdbc.queryForList("SELECT intent || ':' || payload FROM history WHERE process_instance_key = ?"
        + " AND value_type = 'DECISION_EVALUATION'", String.class, key);
    assertThat(history).containsExactly("DECISION_EVALUATED:{\"decisionInstanceKey\":\""
        + triage.getDecisionInstanceId() + "\",\"decisionId\":\"triage_" + s + "\"}");
  }

  @Test
  void businessRuleTasksWithAJobTypeStillGoToWorkers() {
    String id = uniqueId("rulesWorker");
    deploy(Bpmn.createExecutableProcess(id).startEvent().businessRuleTask("external", t -> t.zeebeJobType(id))
        .endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
