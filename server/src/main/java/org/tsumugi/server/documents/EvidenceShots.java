package org.tsumugi.server.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The robots' screenshots a task or instance carries: the browser robots put
 * {@code {stepLog, screenshots: [reference, ...]}} into a variable (usually {@code browserEvidence}).
 * Pages address a screenshot by its position in this list, never by a reference the browser sends,
 * so nobody can ask the server for evidence the variables do not name.
 */
public final class EvidenceShots {

  private EvidenceShots() {}

  public static List<String> in(Map<String, ?> variables) {
    List<String> found = new ArrayList<>();
    variables.values().forEach(value -> {
      if (value instanceof Map<?, ?> map && map.containsKey("stepLog") && map.get("screenshots") instanceof List<?> shots) {
        shots.stream().filter(String.class::isInstance).map(String.class::cast).forEach(found::add);
      }
    });
    return found;
  }
}
