package org.tsumugi.engine.decision;

import java.util.List;

/** An evaluation as the engine recorded it: its key, the called decision, and one record per evaluated decision. */
public record RecordedEvaluation(long evaluationKey, DecisionDefinition decision, DecisionRequirements drg,
    Evaluation evaluation, List<DecisionInstanceRecord> instances) {}
