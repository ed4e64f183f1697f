package org.tsumugi.browser.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How a robot run ended. Every outcome carries its evidence. */
public sealed interface RunOutcome {

  Evidence evidence();

  /** The scenario ran to its end; {@code variables} holds what it extracted. */
  record Completed(Map<String, Object> variables, Evidence evidence) implements RunOutcome {}

  /** The scenario raised a business error it declares (e.g. PATIENT_NOT_FOUND). */
  record BusinessError(String code, String message, Evidence evidence) implements RunOutcome {}

  /**
   * Something technical went wrong (element missing, timeout, browser crash, bad input); retrying
   * may help. The message is Japanese, for the person who looks at the incident.
   */
  record TechnicalFailure(String message, Evidence evidence) implements RunOutcome {}

  /**
   * References into the evidence store.
   *
   * @param stepLog the JSON step log of the run
   * @param screenshots screenshots taken on request or on failure, in order
   */
  record Evidence(String stepLog, List<String> screenshots) {

    /** The shape put into process variables as {@code browserEvidence}. */
    public Map<String, Object> asVariable() {
      return asVariable(ref -> ref);
    }

    /** The same, each reference in the shape its store gives to variables. */
    public Map<String, Object> asVariable(Function<String, Object> shape) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stepLog", stepLog == null ? null : shape.apply(stepLog));
      m.put("screenshots", screenshots.stream().map(shape).toList());
      return m;
    }
  }
}
