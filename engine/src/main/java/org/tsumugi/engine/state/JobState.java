package org.tsumugi.engine.state;

/** Where a job stands; ACTIVATABLE jobs wait for a worker, FAILED ones for retries or back-off. */
public enum JobState {
  ACTIVATABLE,
  ACTIVATED,
  FAILED,
  COMPLETED,
  ERROR_THROWN,
  CANCELED;

  public boolean isFinal() {
    return this == COMPLETED || this == ERROR_THROWN || this == CANCELED;
  }
}
