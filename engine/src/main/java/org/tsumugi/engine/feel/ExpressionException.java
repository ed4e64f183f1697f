package org.tsumugi.engine.feel;

/** An expression that does not parse, or fails to evaluate; its message names the expression. */
public final class ExpressionException extends RuntimeException {

  public ExpressionException(String message) {
    super(message);
  }
}
