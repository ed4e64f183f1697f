package org.tsumugi.engine.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deployed decision requirements graphs and decisions, by key and by id and version; owned by the
 * single writer like the rest of the engine state. Decision instances are only written, never read back.
 */
public final class DecisionState {
  private final Map<Long, DecisionRequirements> drgs = new HashMap<>();
  private final Map<String, TreeMap<Integer, DecisionRequirements>> drgsById = new HashMap<>();
  private final Map<Long, DecisionDefinition> decisions = new HashMap<>();
  private final Map<String, TreeMap<Integer, DecisionDefinition>> decisionsById = new HashMap<>();

  final List<DecisionRequirements> newDrgs = new ArrayList<>();
  final List<DecisionDefinition> newDecisions = new ArrayList<>();
  final List<DecisionInstanceRecord> newInstances = new ArrayList<>();

  public void addDrg(DecisionRequirements drg) {
    putDrg(drg);
    newDrgs.add(drg);
  }

  public void addDecision(DecisionDefinition decision) {
    putDecision(decision);
    newDecisions.add(decision);
  }

  public void record(DecisionInstanceRecord instance) {
    newInstances.add(instance);
  }

  void putDrg(DecisionRequirements drg) {
    drgs.put(drg.key(), drg);
    drgsById.computeIfAbsent(drg.drgId(), id -> new TreeMap<>()).put(drg.version(), drg);
  }

  void putDecision(DecisionDefinition decision) {
    decisions.put(decision.key(), decision);
    decisionsById.computeIfAbsent(decision.decisionId(), id -> new TreeMap<>()).put(decision.version(), decision);
  }

  public DecisionRequirements drg(long key) {
    return drgs.get(key);
  }

  public DecisionRequirements latestDrg(String drgId) {
    return latest(drgsById, drgId);
  }

  public DecisionDefinition decision(long key) {
    return decisions.get(key);
  }

  public DecisionDefinition latestDecision(String decisionId) {
    return latest(decisionsById, decisionId);
  }

  private static <T> T latest(Map<String, TreeMap<Integer, T>> byId, String id) {
    TreeMap<Integer, T> versions = byId.get(id);
    return versions == null ? null : versions.lastEntry().getValue();
  }

  /** The latest version of a decision that was deployed no later than the given deployment. */
  public DecisionDefinition decisionAsOf(String decisionId, long deploymentKey) {
    return versions(decisionId).descendingMap().values().stream().filter(d -> d.deploymentKey() <= deploymentKey)
        .findFirst().orElse(null);
  }

  /** The latest version of a decision that carries the given version tag. */
  public DecisionDefinition decisionTagged(String decisionId, String versionTag) {
    return versions(decisionId).descendingMap().values().stream().filter(d -> versionTag.equals(d.versionTag()))
        .findFirst().orElse(null);
  }

  /** The version of a decision that belongs to the given version of its graph. */
  public DecisionDefinition decisionOfDrg(String decisionId, long drgKey) {
    return versions(decisionId).values().stream().filter(d -> d.drgKey() == drgKey).findFirst().orElse(null);
  }

  private TreeMap<Integer, DecisionDefinition> versions(String decisionId) {
    return decisionsById.getOrDefault(decisionId, new TreeMap<>());
  }

  public boolean hasPendingChanges() {
    return !newDrgs.isEmpty() || !newDecisions.isEmpty() || !newInstances.isEmpty();
  }

  void flushed() {
    newDrgs.clear();
    newDecisions.clear();
    newInstances.clear();
  }

  void clear() {
    drgs.clear();
    drgsById.clear();
    decisions.clear();
    decisionsById.clear();
    flushed();
  }
}
