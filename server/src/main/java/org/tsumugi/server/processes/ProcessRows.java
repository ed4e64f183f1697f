package org.tsumugi.server.processes;

/** The rows the process views show, read straight from the engine's tables. */
public final class ProcessRows {
  private ProcessRows() {}

  public record Workflow(String processId, String name, int latestVersion, long latestKey, int activeInstances,
      int openIncidents) {
    public String title() {
      return name == null || name.isBlank() ? processId : name;
    }
  }

  public record Version(long key, int version, long deployTime, String resourceName) {}

  public record Instance(long key, String processId, int version, String state, long startDate, Long endDate,
      int openIncidents, long definitionKey) {}

  public record Incident(long key, String errorType, String errorMessage, String elementId, Long jobKey, String state,
      long creationTime, long processInstanceKey, String processId) {}

  /** A variable with its value as JSON text; shown escaped, never logged. */
  public record Variable(String name, String value, long scopeKey) {}

  /** One history line: what happened to which element, when; history never holds variable values. */
  public record Event(long time, String valueType, String intent, String elementId) {}
}
