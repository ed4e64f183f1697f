package org.tsumugi.engine.model;

import org.tsumugi.engine.feel.Expression;

/**
 * A multi-instance marker: the collection to iterate over and what each inner instance adds to the
 * output collection. Optional parts are null.
 */
public record LoopCharacteristics(boolean sequential, Expression inputCollection, String inputElement,
    String outputCollection, Expression outputElement, Expression completionCondition) {}
