package org.tsumugi.engine.model;

import java.util.List;

/** A deployment resource the engine cannot run; each problem names the resource and element. */
public final class InvalidModelException extends RuntimeException {
  private final List<String> problems;

  public InvalidModelException(String resourceName, List<String> problems) {
    super("'" + resourceName + "' is not a valid process: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
