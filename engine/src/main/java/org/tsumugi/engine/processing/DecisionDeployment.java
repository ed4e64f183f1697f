package org.tsumugi.engine.processing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tsumugi.engine.decision.DecisionDefinition;
import org.tsumugi.engine.decision.DecisionRequirements;
import org.tsumugi.engine.decision.DecisionState;
import org.tsumugi.engine.decision.DrgModel;
import org.tsumugi.engine.processing.Results.ParsedResource;
import org.tsumugi.engine.state.EngineState;

/**
 * Deploys the decision requirements graphs of a deployment, versioned as Zeebe does: a graph whose
 * content and resource name are unchanged keeps its version and its decisions' versions; otherwise the
 * graph and each of its decisions get the next version.
 */
final class DecisionDeployment {
  private final EngineState state;
  private final History history;

  DecisionDeployment(EngineState state, History history) {
    this.state = state;
    this.history = history;
  }

  /** Rejects conflicts before anything changes: a decision id belongs to one graph id. */
  void check(List<ParsedResource> resources) {
    Map<String, String> drgOfDecision = new HashMap<>();
    Map<String, String> resourceOfDrg = new HashMap<>();
    for (ParsedResource resource : resources) {
      DrgModel drg = resource.decisions();
      if (drg == null) {
        continue;
      }
      String other = resourceOfDrg.put(drg.id(), resource.name());
      if (other != null) {
        throw Rejection.invalidArgument("resource '" + resource.name() + "': decision requirements '" + drg.id()
            + "' are also defined by '" + other + "' in the same deployment");
      }
      for (DrgModel.DecisionModel decision : drg.decisions()) {
        String otherDrg = drgOfDecision.put(decision.id(), drg.id());
        DecisionDefinition deployed = state.decisions().latestDecision(decision.id());
        if (otherDrg == null && deployed != null && !deployed.drgId().equals(drg.id())) {
          otherDrg = deployed.drgId();
        }
        if (otherDrg != null && !otherDrg.equals(drg.id())) {
          throw Rejection.invalidArgument("resource '" + resource.name() + "': decision '" + decision.id()
              + "' already belongs to decision requirements '" + otherDrg + "'; a decision id can belong to one only");
        }
      }
    }
  }

  void deploy(List<ParsedResource> resources, long deploymentKey, List<DecisionRequirements> drgs,
      List<DecisionDefinition> decisions) {
    DecisionState deployed = state.decisions();
    for (ParsedResource resource : resources) {
      DrgModel model = resource.decisions();
      if (model == null) {
        continue;
      }
      DecisionRequirements latest = deployed.latestDrg(model.id());
      if (latest != null && latest.checksum().equals(resource.checksum())
          && latest.resourceName().equals(resource.name())) {
        drgs.add(latest);
        for (DrgModel.DecisionModel decision : model.decisions()) {
          decisions.add(deployed.decisionOfDrg(decision.id(), latest.key()));
        }
        continue;
      }
      DecisionRequirements drg = new DecisionRequirements(state.nextKey(), model.id(), model.name(),
          latest == null ? 1 : latest.version() + 1, resource.name(), resource.checksum(), deploymentKey,
          resource.content(), model);
      deployed.addDrg(drg);
      history.decisionDeployed(drg.key(), "DECISION_REQUIREMENTS", drg.drgId());
      drgs.add(drg);
      for (DrgModel.DecisionModel decision : model.decisions()) {
        DecisionDefinition previous = deployed.latestDecision(decision.id());
        DecisionDefinition definition = new DecisionDefinition(state.nextKey(), decision.id(), decision.name(),
            previous == null ? 1 : previous.version() + 1, decision.type(), drg.key(), drg.drgId(), deploymentKey,
            decision.versionTag());
        deployed.addDecision(definition);
        history.decisionDeployed(definition.key(), "DECISION", definition.decisionId());
        decisions.add(definition);
      }
    }
  }
}
