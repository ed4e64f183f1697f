package org.tsumugi.engine.decision;

import java.util.List;
import org.camunda.dmn.parser.ParsedDmn;

/**
 * A decision requirements graph (the DMN {@code definitions}) read from one resource: its decisions and
 * the parsed form dmn-scala evaluates, kept once per deployed version.
 */
public record DrgModel(String id, String name, List<DecisionModel> decisions, ParsedDmn parsed) {

  /**
   * One decision of the graph; type as the REST API names it (DECISION_TABLE, LITERAL_EXPRESSION, ...);
   * versionTag from its zeebe:versionTag extension, or null.
   */
  public record DecisionModel(String id, String name, String type, String versionTag) {}
}
