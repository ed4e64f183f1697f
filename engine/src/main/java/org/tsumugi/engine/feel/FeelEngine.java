package org.tsumugi.engine.feel;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * The engine's single door to FEEL (org.camunda.feel): parses expressions at deployment and
 * evaluates them against JSON-like Java values. A failed evaluation is an {@link
 * ExpressionException} that the engine turns into an incident.
 */
public final class FeelEngine {

  private final FeelEngineApi api;

  public FeelEngine(LongSupplier clockMillis) {
    FeelEngineClock clock =
        () -> ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(clockMillis.getAsLong()), ZoneId.systemDefault());
    this.api = FeelEngineBuilder.forJava().withClock(clock).build();
  }

  /**
   * Reads an attribute value: text starting with '=' is FEEL, anything else a literal.
   *
   * @throws ExpressionException naming the syntax problem
   */
  public Expression parse(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("=")) {
      return Expression.literal(text);
    }
    ParseResult result = api.parseExpression(trimmed.substring(1));
    if (result.isFailure()) {
      throw new ExpressionException(
          "FEEL expression '" + trimmed + "' does not parse: " + result.failure().message());
    }
    return Expression.feel(trimmed, result.parsedExpression());
  }

  /** Parses text that is always FEEL, whether or not it starts with '=' (conditions, scripts). */
  public Expression parseFeel(String text) {
    String trimmed = text == null ? "" : text.strip();
    return parse(trimmed.startsWith("=") ? trimmed : "=" + trimmed);
  }

  Object evaluate(Expression expression, Map<String, Object> variables) {
    EvaluationResult result = api.evaluate(expression.parsed(), variables);
    if (result.isFailure()) {
      throw new ExpressionException(
          "failed to evaluate expression '" + expression.source() + "': " + result.failure().message());
    }
    return toJsonValue(result.result());
  }

  /** FEEL may answer with Scala or temporal values; variables hold only JSON-shaped Java values. */
  public static Object toJsonValue(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJsonValue(v)));
      return copy;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(toJsonValue(item)));
      return copy;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return toJsonValue(scala.jdk.javaapi.CollectionConverters.asJava(map));
    }
    if (value instanceof scala.collection.Iterable<?> items) {
      return toJsonValue(scala.jdk.javaapi.CollectionConverters.asJava(items));
    }
    return value.toString();
  }
}
