package org.tsumugi.engine.decision;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionLogic;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;
import org.tsumugi.engine.feel.FeelEngine;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/** The engine's door to dmn-scala: reads .dmn resources and evaluates their decisions with an audit trail. */
public final class Dmn {
  private static final ValueMapper VALUES = ValueMapper.defaultValueMapper();
  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  private final DmnEngine engine;

  /** The clock is what FEEL's now() and today() see inside decisions. */
  public Dmn(LongSupplier clockMillis) {
    this.engine = new DmnEngine.Builder()
        .clock(() -> ZonedDateTime.ofInstant(Instant.ofEpochMilli(clockMillis.getAsLong()), ZoneId.systemDefault()))
        .build();
  }

  /**
   * Reads a .dmn resource.
   *
   * @throws InvalidDmnException naming the resource and dmn-scala's reason
   */
  public DrgModel parse(String resourceName, byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
        .toUpperCase(Locale.ROOT);
    if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
      throw new InvalidDmnException(resourceName, "document type declarations are not allowed in DMN");
    }
    Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = engine.parse(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      throw new InvalidDmnException(resourceName, "not readable as DMN: " + e.getMessage());
    }
    if (result.isLeft()) {
      throw new InvalidDmnException(resourceName, reason(result.left().get().message(), content));
    }
    ParsedDmn parsed = result.right().get();
    Definitions definitions = parsed.model().getDefinitions();
    List<DrgModel.DecisionModel> decisions = new ArrayList<>();
    for (ParsedDecision decision : CollectionConverters.asJava(parsed.decisions())) {
      decisions.add(new DrgModel.DecisionModel(decision.id(), decision.name(), type(decision.logic()),
          versionTag(parsed, decision.id())));
    }
    if (decisions.isEmpty()) {
      throw new InvalidDmnException(resourceName, "it contains no decision");
    }
    if (definitions.getId() == null || definitions.getId().isBlank()) {
      throw new InvalidDmnException(resourceName, "its definitions element has no id");
    }
    return new DrgModel(definitions.getId(), definitions.getName(), List.copyOf(decisions), parsed);
  }

  /** The value of a decision's zeebe:versionTag extension element, as Camunda Modeler writes it. */
  private static String versionTag(ParsedDmn parsed, String decisionId) {
    Decision decision = parsed.model().getModelElementById(decisionId);
    if (decision == null || decision.getExtensionElements() == null) {
      return null;
    }
    for (DomElement child : decision.getExtensionElements().getDomElement().getChildElements()) {
      if (ZEEBE_NS.equals(child.getNamespaceURI()) && "versionTag".equals(child.getLocalName())) {
        String value = child.getAttribute("value");
        return value == null || value.isBlank() ? null : value;
      }
    }
    return null;
  }

  /**
   * dmn-scala reports unreadable XML only as "Unable to parse model"; reading it again with the DMN model
   * API yields the cause (the line, the unexpected element, the bad attribute value).
   */
  private static String reason(String message, byte[] content) {
    if (!message.contains("Unable to parse model")) {
      return message;
    }
    try {
      org.camunda.bpm.model.dmn.Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return "not readable as DMN XML: " + cause.getMessage();
    }
    return message;
  }

  /** Evaluates one decision of a graph (and the decisions it requires) with the given variables. */
  public Evaluation evaluate(DrgModel drg, String decisionId, Map<String, Object> variables) {
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result = engine.eval(drg.parsed(), decisionId, variables);
    Audit.AuditLog log = result.isLeft() ? result.left().get().auditLog() : result.right().get().auditLog();
    List<Evaluation.EvaluatedDecision> evaluated = new ArrayList<>();
    if (log != null) {
      for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
        evaluated.add(evaluated(entry));
      }
    }
    if (result.isLeft()) {
      String failedId = evaluated.stream().filter(Evaluation.EvaluatedDecision::failed).findFirst()
          .map(Evaluation.EvaluatedDecision::decisionId).orElse(decisionId);
      return new Evaluation(List.copyOf(evaluated), null, result.left().get().failure().message(), failedId);
    }
    Object output = FeelEngine.toJsonValue(result.right().get().value());
    return new Evaluation(List.copyOf(evaluated), output, null, null);
  }

  private static Evaluation.EvaluatedDecision evaluated(Audit.AuditLogEntry entry) {
    List<Evaluation.Input> inputs = new ArrayList<>();
    List<Evaluation.Rule> rules = new ArrayList<>();
    if (entry.result() instanceof Audit.DecisionTableEvaluationResult table
        && entry.decisionLogic() instanceof ParsedDecisionTable logic) {
      for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
        inputs.add(new Evaluation.Input(input.input().id(), input.input().name(), value(input.value())));
      }
      List<ParsedRule> all = new ArrayList<>(CollectionConverters.asJavaCollection(logic.rules()));
      for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
        List<Evaluation.Output> outputs = new ArrayList<>();
        for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
          outputs.add(new Evaluation.Output(output.output().id(), output.output().name(), value(output.value())));
        }
        rules.add(new Evaluation.Rule(rule.rule().id(), all.indexOf(rule.rule()) + 1, List.copyOf(outputs)));
      }
    }
    Val result = entry.result().result();
    boolean failed = result instanceof ValError || result instanceof ValFatalError;
    return new Evaluation.EvaluatedDecision(entry.id(), entry.name(), type(entry.decisionLogic()), List.copyOf(inputs),
        List.copyOf(rules), failed ? null : value(result), failed);
  }

  private static Object value(Val value) {
    return value == null ? null : FeelEngine.toJsonValue(VALUES.unpackVal(value));
  }

  private static String type(ParsedDecisionLogic logic) {
    if (logic instanceof ParsedDecisionTable) {
      return "DECISION_TABLE";
    }
    return logic instanceof ParsedLiteralExpression ? "LITERAL_EXPRESSION" : "UNSPECIFIED";
  }
}
