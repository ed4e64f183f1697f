package org.tsumugi.monshin.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questionnaire as a process owner designed it in Modeler's form editor (a Camunda Form file),
 * read for what a submission must satisfy: which items exist, which are required, their types and
 * allowed values. The form file stays the single source: a new question needs no code.
 */
public final class QuestionnaireForm {

  /** Texts without their own limit are still bounded, so no answer can carry a document. */
  static final int DEFAULT_MAX_LENGTH = 1000;

  private static final Set<String> ANSWERABLE =
      Set.of("textfield", "textarea", "number", "radio", "select", "checklist", "checkbox", "datetime");

  private final String id;
  private final Map<String, Question> questions;

  private QuestionnaireForm(String id, Map<String, Question> questions) {
    this.id = id;
    this.questions = questions;
  }

  public static QuestionnaireForm load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the questionnaire form " + file, e);
    }
  }

  public static QuestionnaireForm parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the questionnaire form is not valid JSON: " + e.getMessage(), e);
    }
    if (!root.path("id").isTextual() || !root.path("components").isArray()) {
      throw new IllegalArgumentException("the questionnaire form needs an 'id' and 'components'");
    }
    Map<String, Question> questions = new LinkedHashMap<>();
    collect(root.path("components"), questions);
    return new QuestionnaireForm(root.path("id").asText(), questions);
  }

  /** Groups nest components; only flat keys are supported, as the intake's answers are one level. */
  private static void collect(JsonNode components, Map<String, Question> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) {
        collect(c.path("components"), into);
      }
      if (!ANSWERABLE.contains(type) || !c.path("key").isTextual()) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<String> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      c.path("values").forEach(v -> {
        values.add(v.path("value").asText());
        labels.add(v.path("label").asText(v.path("value").asText()));
      });
      into.put(c.path("key").asText(), new Question(c.path("key").asText(), c.path("label").asText(c.path("key").asText()),
          type, validate.path("required").asBoolean(false), List.copyOf(values), List.copyOf(labels),
          validate.has("min") ? validate.path("min").asDouble() : null,
          validate.has("max") ? validate.path("max").asDouble() : null,
          validate.path("maxLength").asInt(DEFAULT_MAX_LENGTH)));
    }
  }

  public String id() {
    return id;
  }

  public Collection<Question> questions() {
    return questions.values();
  }

  public Question question(String key) {
    return questions.get(key);
  }

  /**
   * Every problem of a submission at once, in the form's order, so the page can mark all fields:
   * missing required answers, unknown items, wrong types, values outside the choices or bounds.
   */
  public List<ItemProblem> validate(Map<String, Object> answers) {
    List<ItemProblem> problems = new ArrayList<>();
    for (String key : answers.keySet()) {
      if (!questions.containsKey(key)) {
        problems.add(new ItemProblem(key, key, "この問診票にない項目です"));
      }
    }
    for (Question q : questions.values()) {
      Object value = answers.get(q.key());
      if (blank(value)) {
        if (q.required()) {
          problems.add(new ItemProblem(q.key(), q.label(), "「" + q.label() + "」は必須です"));
        }
        continue;
      }
      String problem = typeProblem(q, value);
      if (problem != null) {
        problems.add(new ItemProblem(q.key(), q.label(), "「" + q.label() + "」" + problem));
      }
    }
    return problems;
  }

  /** No answer: missing, blank text or nothing ticked. */
  public static boolean blank(Object value) {
    return value == null || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  private static String typeProblem(Question q, Object value) {
    switch (q.type()) {
      case "number" -> {
        if (!(value instanceof Number n)) {
          return "は数字で答えてください";
        }
        if ((q.min() != null && n.doubleValue() < q.min()) || (q.max() != null && n.doubleValue() > q.max())) {
          return "は" + plain(q.min()) + "から" + plain(q.max()) + "の範囲で答えてください";
        }
        return null;
      }
      case "checkbox" -> {
        return value instanceof Boolean ? null : "ははい・いいえで答えてください";
      }
      case "checklist" -> {
        if (!(value instanceof Collection<?> list) || !list.stream().allMatch(q.values()::contains)) {
          return "に選択肢にない値があります";
        }
        return null;
      }
      default -> {
        if (!(value instanceof String s)) {
          return "は文字で答えてください";
        }
        if (q.choice() && !q.values().contains(s)) {
          return "は選択肢から選んでください";
        }
        if (s.length() > q.maxLength()) {
          return "は" + q.maxLength() + "文字以内で答えてください";
        }
        return null;
      }
    }
  }

  private static String plain(Double bound) {
    if (bound == null) {
      return "";
    }
    return bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
  }
}
