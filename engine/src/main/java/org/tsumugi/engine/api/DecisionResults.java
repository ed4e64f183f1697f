package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import java.util.ArrayList;
import java.util.List;
import org.tsumugi.engine.decision.DecisionDefinition;
import org.tsumugi.engine.decision.DecisionInstanceRecord;
import org.tsumugi.engine.decision.DecisionRequirements;
import org.tsumugi.engine.decision.EvaluationRecords;
import org.tsumugi.engine.decision.RecordedEvaluation;
import org.tsumugi.engine.processing.Results.Deployment;

/** Decisions in the REST API's shapes: deployment entries and evaluation results. */
final class DecisionResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionResults() {}

  static List<DeploymentMetadataResult> deployed(Deployment deployment) {
    List<DeploymentMetadataResult> items = new ArrayList<>();
    for (DecisionRequirements drg : deployment.decisionRequirements()) {
      items.add(new DeploymentMetadataResult().decisionRequirements(new DeploymentDecisionRequirementsResult()
          .decisionRequirementsId(drg.drgId()).decisionRequirementsName(drg.name()).version(drg.version())
          .resourceName(drg.resourceName()).tenantId(TENANT).decisionRequirementsKey(Keys.format(drg.key()))));
    }
    for (DecisionDefinition decision : deployment.decisions()) {
      items.add(new DeploymentMetadataResult().decisionDefinition(new DeploymentDecisionResult()
          .decisionDefinitionId(decision.decisionId()).name(decision.name()).version(decision.version())
          .tenantId(TENANT).decisionRequirementsId(decision.drgId())
          .decisionDefinitionKey(Keys.format(decision.key()))
          .decisionRequirementsKey(Keys.format(decision.drgKey()))));
    }
    return items;
  }

  static EvaluateDecisionResult evaluated(RecordedEvaluation recorded) {
    DecisionDefinition called = recorded.decision();
    List<EvaluatedDecisionResult> decisions = new ArrayList<>();
    for (DecisionInstanceRecord instance : recorded.instances()) {
      DecisionDefinition decision = instance.decision();
      decisions.add(new EvaluatedDecisionResult().decisionDefinitionId(decision.decisionId())
          .decisionDefinitionName(decision.name()).decisionDefinitionVersion(decision.version())
          .decisionDefinitionType(decision.type()).output(instance.resultJson()).tenantId(TENANT)
          .matchedRules(read(instance.matchedRulesJson(), new TypeReference<List<MatchedDecisionRuleItem>>() {}))
          .evaluatedInputs(read(instance.inputsJson(), new TypeReference<List<EvaluatedDecisionInputItem>>() {}))
          .decisionDefinitionKey(Keys.format(decision.key())).decisionEvaluationInstanceKey(instance.id()));
    }
    return new EvaluateDecisionResult().decisionDefinitionId(called.decisionId()).decisionDefinitionName(called.name())
        .decisionDefinitionVersion(called.version()).decisionRequirementsId(called.drgId())
        .output(EvaluationRecords.json(recorded.evaluation().output())).tenantId(TENANT)
        .decisionDefinitionKey(Keys.format(called.key())).decisionRequirementsKey(Keys.format(called.drgKey()))
        .decisionInstanceKey(Keys.format(recorded.evaluationKey()))
        .decisionEvaluationKey(Keys.format(recorded.evaluationKey())).evaluatedDecisions(decisions);
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored decision instance JSON is unreadable", e);
    }
  }
}
