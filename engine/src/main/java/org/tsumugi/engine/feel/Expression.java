package org.tsumugi.engine.feel;

import java.util.Map;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A value from a BPMN attribute: either a static literal, or a FEEL expression (written with a
 * leading {@code =}) parsed once at deployment.
 */
public final class Expression {

  private final String source;
  private final ParsedExpression parsed;

  private Expression(String source, ParsedExpression parsed) {
    this.source = source;
    this.parsed = parsed;
  }

  static Expression literal(String value) {
    return new Expression(value, null);
  }

  static Expression feel(String source, ParsedExpression parsed) {
    return new Expression(source, parsed);
  }

  public boolean isStatic() {
    return parsed == null;
  }

  /** The text as written in the model, with its leading '=' for FEEL. */
  public String source() {
    return source;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  /** Evaluates with the given variables; a static value evaluates to itself. */
  public Object evaluate(FeelEngine engine, Map<String, Object> variables) {
    return isStatic() ? source : engine.evaluate(this, variables);
  }

  @Override
  public String toString() {
    return source;
  }
}
