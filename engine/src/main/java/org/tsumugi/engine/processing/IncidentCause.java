package org.tsumugi.engine.processing;

/** A failure while activating an element that becomes an incident of the given type. */
final class IncidentCause extends RuntimeException {
  private final String errorType;

  IncidentCause(String errorType, String message) {
    super(message, null, false, false);
    this.errorType = errorType;
  }

  String errorType() {
    return errorType;
  }
}
