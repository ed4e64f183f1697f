package org.tsumugi.engine.state;

/** The life cycle of an element instance, as Camunda 8 records it. */
public enum Lifecycle {
  ACTIVATING,
  ACTIVATED,
  COMPLETING,
  COMPLETED,
  TERMINATING,
  TERMINATED;

  public boolean isFinal() {
    return this == COMPLETED || this == TERMINATED;
  }

  /** The coarse state the REST API reports. */
  public String apiState() {
    return isFinal() ? name() : "ACTIVE";
  }
}
