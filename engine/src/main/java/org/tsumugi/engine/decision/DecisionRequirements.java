package org.tsumugi.engine.decision;

/** A deployed version of a decision requirements graph, with its parsed model for evaluation. */
public record DecisionRequirements(long key, String drgId, String name, int version, String resourceName,
    String checksum, long deploymentKey, byte[] resource, DrgModel model) {}
