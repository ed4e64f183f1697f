package org.tsumugi.browser.scenario;

import java.util.List;

/** A scenario file that cannot be used; the message lists every problem with file, step, field. */
public final class ScenarioException extends RuntimeException {

  private final List<String> problems;

  ScenarioException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
