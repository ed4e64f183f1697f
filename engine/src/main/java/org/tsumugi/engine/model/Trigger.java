package org.tsumugi.engine.model;

/** What a catching event reacts to. */
public enum Trigger {
  NONE,
  TIMER,
  MESSAGE,
  SIGNAL,
  ERROR,
  ESCALATION;

  /** Timers, messages and signals are waited for through subscriptions; errors and escalations are thrown at their catcher. */
  public boolean awaited() {
    return this == TIMER || this == MESSAGE || this == SIGNAL;
  }
}
