package org.tsumugi.engine.model;

import org.tsumugi.engine.feel.Expression;

/** A timer event's definition: one of a date, a duration or a cycle, literal or FEEL. */
public record TimerDefinition(Type type, Expression value) {
  public enum Type {
    DATE,
    DURATION,
    CYCLE
  }
}
