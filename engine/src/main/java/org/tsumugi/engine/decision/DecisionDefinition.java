package org.tsumugi.engine.decision;

/**
 * A deployed version of one decision; it belongs to one version of its decision requirements graph.
 * versionTag is null unless the decision has one.
 */
public record DecisionDefinition(long key, String decisionId, String name, int version, String type,
    long drgKey, String drgId, long deploymentKey, String versionTag) {}
