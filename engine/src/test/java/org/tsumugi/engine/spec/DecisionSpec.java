package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tsumugi.engine.spec.DecisionFixtures.deployDmn;
import static org.tsumugi.engine.spec.DecisionFixtures.dmn;
import static org.tsumugi.engine.spec.DecisionFixtures.suffix;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DecisionRequirements;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.EvaluatedDecisionInput;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** DMN deployment with versioning, the evaluation endpoint, and the decision read models. */
class DecisionSpec extends EngineTest {

  private static Map<String, Integer> versions(DeploymentEvent deployment) {
    return deployment.getDecisions().stream().collect(Collectors.toMap(Decision::getDmnDecisionId, Decision::getVersion));
  }

  @Test
  void aDmnDeploymentListsItsDecisionsAndTheirGraphUnchangedContentKeepsItsVersion() {
    String s = suffix();
    DeploymentEvent first = deployDmn(client, "triage.dmn", s);

    assertThat(versions(first)).containsExactlyInAnyOrderEntriesOf(Map.of("ageGroup_" + s, 1, "triage_" + s, 1));
    DecisionRequirements drg = first.getDecisionRequirements().get(0);
    assertThat(drg.getDmnDecisionRequirementsId()).isEqualTo("triage-drg_" + s);
    assertThat(drg.getDmnDecisionRequirementsName()).isEqualTo("救急トリアージ");
    assertThat(drg.getResourceName()).isEqualTo("triage.dmn");
    assertThat(drg.getVersion()).isEqualTo(1);
    assertThat(first.getDecisions()).allSatisfy(decision -> {
      assertThat(decision.getDecisionRequirementsKey()).isEqualTo(drg.getDecisionRequirementsKey());
      assertThat(decision.getDmnDecisionRequirementsId()).isEqualTo("triage-drg_" + s);
    });

    DeploymentEvent again = deployDmn(client, "triage.dmn", s);
    assertThat(versions(again)).isEqualTo(versions(first));
    assertThat(again.getDecisionRequirements().get(0).getDecisionRequirementsKey())
        .isEqualTo(drg.getDecisionRequirementsKey());

    String changed = dmn("triage.dmn", s).replace("&gt; 130", "&gt; 140");
    DeploymentEvent second = client.newDeployResourceCommand().addResourceStringUtf8(changed, "triage.dmn").send()
        .join();
    assertThat(versions(second)).containsExactlyInAnyOrderEntriesOf(Map.of("ageGroup_" + s, 2, "triage_" + s, 2));
    assertThat(second.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);
  }

  @Test
  void aCollectTableAnswersEveryMatchingRuleWithTheInputsItSaw() {
    String s = suffix();
    deployDmn(client, "claim-check.dmn", s);

    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("claimCheck_" + s)
        .variables(Map.of("points", 123456, "actualDays", 28)).send().join();

    assertThat(response.getDecisionOutput()).isEqualTo("[\"高額レセプト\",\"実日数過多\"]");
    assertThat(response.getDecisionId()).isEqualTo("claimCheck_" + s);
    assertThat(response.getDecisionVersion()).isEqualTo(1);
    EvaluatedDecision evaluated = response.getEvaluatedDecisions().get(0);
    assertThat(evaluated.getMatchedRules()).extracting(MatchedDecisionRule::getRuleId, MatchedDecisionRule::getRuleIndex)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("high_points", 1),
            org.assertj.core.groups.Tuple.tuple("many_days", 2));
    assertThat(evaluated.getMatchedRules().get(0).getEvaluatedOutputs().get(0).getOutputValue())
        .isEqualTo("\"高額レセプト\"");
    assertThat(evaluated.getEvaluatedInputs()).extracting(EvaluatedDecisionInput::getInputId,
        EvaluatedDecisionInput::getInputValue).containsExactly(org.assertj.core.groups.Tuple.tuple("in_points", "123456"),
            org.assertj.core.groups.Tuple.tuple("in_days", "28"));
  }

  @Test
  void aDecisionByKeyEvaluatesTheDecisionsItRequiresFirst() {
    String s = suffix();
    long key = deployDmn(client, "triage.dmn", s).getDecisions().stream()
        .filter(d -> d.getDmnDecisionId().equals("triage_" + s)).findFirst().orElseThrow().getDecisionKey();

    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionKey(key)
        .variables(Map.of("age", 8, "spo2", 97, "heartRate", 120)).send().join();

    assertThat(response.getDecisionOutput()).contains("\"level\":2").contains("\"category\":\"緊急\"");
    assertThat(response.getEvaluatedDecisions()).extracting(EvaluatedDecision::getDecisionId)
        .containsExactly("ageGroup_" + s, "triage_" + s);
    assertThat(response.getEvaluatedDecisions().get(0).getDecisionOutput()).isEqualTo("\"child\"");
    assertThat(response.getEvaluatedDecisions().get(1).getMatchedRules()).extracting(MatchedDecisionRule::getRuleId)
        .containsExactly("emergent_child");
  }

  @Test
  void aHitPolicyViolationIsA400NamingTheDecisionAndIsRecordedAsFailed() {
    String s = suffix();
    deployDmn(client, "copayment.dmn", s);

    assertThatThrownBy(() -> client.newEvaluateDecisionCommand().decisionId("copayment_" + s)
        .variables(Map.of("age", 67)).send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(400);
          assertThat(problem.details().getDetail()).contains("copayment_" + s).containsIgnoringCase("unique");
        });

    List<DecisionInstance> failed = client.newDecisionInstanceSearchRequest()
        .filter(f -> f.decisionDefinitionId("copayment_" + s).state(DecisionInstanceState.FAILED)).send().join()
        .items();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getEvaluationFailure()).containsIgnoringCase("unique");
    assertThat(client.newDecisionInstanceGetRequest(failed.get(0).getDecisionInstanceId()).send().join()
        .getMatchedRules()).extracting(MatchedDecisionRule::getRuleId).containsExactly("working_age", "elderly");
    assertThat(client.newEvaluateDecisionCommand().decisionId("copayment_" + s).variables(Map.of("age", 40)).send()
        .join().getDecisionOutput()).isEqualTo("0.3");
  }

  @Test
  void evaluatingAnUnknownDecisionIsNotFound() {
    assertThatThrownBy(() -> client.newEvaluateDecisionCommand().decisionId("noSuchDecision").send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(404);
          assertThat(problem.details().getDetail()).contains("noSuchDecision");
        });
  }

  @Test
  void decisionDefinitionsAndTheirGraphsCanBeSearchedFetchedAndReadAsXml() {
    String s = suffix();
    DeploymentEvent deployment = deployDmn(client, "triage.dmn", s);
    long drgKey = deployment.getDecisionRequirements().get(0).getDecisionRequirementsKey();

    List<DecisionDefinition> found = client.newDecisionDefinitionSearchRequest()
        .filter(f -> f.decisionRequirementsId("triage-drg_" + s)).send().join().items();
    assertThat(found).extracting(DecisionDefinition::getDmnDecisionId)
        .containsExactlyInAnyOrder("ageGroup_" + s, "triage_" + s);
    DecisionDefinition triage = found.stream().filter(d -> d.getDmnDecisionId().equals("triage_" + s)).findFirst()
        .orElseThrow();
    assertThat(triage.getDmnDecisionName()).isEqualTo("緊急度判定");
    assertThat(triage.getDecisionRequirementsKey()).isEqualTo(drgKey);

    assertThat(client.newDecisionDefinitionGetRequest(triage.getDecisionKey()).send().join().getDmnDecisionId())
        .isEqualTo("triage_" + s);
    assertThat(client.newDecisionDefinitionGetXmlRequest(triage.getDecisionKey()).send().join())
        .contains("<decision id=\"triage_" + s + "\"");

    var requirements = client.newDecisionRequirementsSearchRequest()
        .filter(f -> f.decisionRequirementsId("triage-drg_" + s)).send().join().items();
    assertThat(requirements).hasSize(1);
    assertThat(requirements.get(0).getDmnDecisionRequirementsName()).isEqualTo("救急トリアージ");
    assertThat(requirements.get(0).getResourceName()).isEqualTo("triage.dmn");
    assertThat(client.newDecisionRequirementsGetRequest(drgKey).send().join().getVersion()).isEqualTo(1);
    assertThat(client.newDecisionRequirementsGetXmlRequest(drgKey).send().join()).contains("triage-drg_" + s);
  }

  @Test
  void anEvaluationThroughTheApiIsADecisionInstanceWithItsInputsAndMatchedRules() {
    String s = suffix();
    deployDmn(client, "claim-check.dmn", s);
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("claimCheck_" + s)
        .variables(Map.of("points", 800, "actualDays", 0)).send().join();
    String id = response.getEvaluatedDecisions().get(0).getDecisionEvaluationInstanceKey();

    DecisionInstance instance = client.newDecisionInstanceGetRequest(id).send().join();

    assertThat(instance.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
    assertThat(instance.getDecisionDefinitionId()).isEqualTo("claimCheck_" + s);
    assertThat(instance.getDecisionInstanceKey()).isEqualTo(response.getDecisionEvaluationKey());
    assertThat(instance.getResult()).isEqualTo("[\"実日数なしで点数あり\"]");
    assertThat(instance.getEvaluatedInputs()).extracting(EvaluatedDecisionInput::getInputName)
        .containsExactly("合計点数", "実日数");
    assertThat(instance.getMatchedRules()).extracting(MatchedDecisionRule::getRuleId).containsExactly("no_days");
    assertThat(instance.getProcessInstanceKey()).isEqualTo(-1L);
    assertThat(instance.getEvaluationDate()).isNotNull();
  }
}
