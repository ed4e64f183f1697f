package org.tsumugi.engine.decision;

/** A .dmn resource that cannot be deployed; the API answers 400 with this message (naming the resource). */
public final class InvalidDmnException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidDmnException(String resourceName, String problem) {
    super("'" + resourceName + "' is not a valid DMN resource: " + problem);
  }
}
