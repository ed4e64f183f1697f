package org.tsumugi.engine.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.tsumugi.engine.feel.Expression;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.UserTaskDates;
import org.tsumugi.engine.model.UserTaskModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.FormDefinition;
import org.tsumugi.engine.state.UserTask;

/**
 * A user task's activation and end: evaluates assignment, schedule and priority (literal or FEEL)
 * and binds the linked form when the element activates. A Camunda user task becomes a {@link
 * UserTask}; a job-based one carries the same values as the job headers Camunda 8 sets.
 */
final class UserTaskBehavior {
  static final String HEADER_PREFIX = "io.camunda.zeebe:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineState state;
  private final FeelEngine feel;
  private final LongSupplier clock;
  private final History history;

  /** The evaluated properties of one activation. */
  private record Properties(String assignee, List<String> candidateGroups, List<String> candidateUsers,
      long dueDate, long followUpDate, int priority, FormDefinition form, String externalReference) {}

  UserTaskBehavior(EngineState state, FeelEngine feel, LongSupplier clock, History history) {
    this.state = state;
    this.feel = feel;
    this.clock = clock;
    this.history = history;
  }

  /**
   * @throws ExpressionException when a value does not evaluate to what it must be
   * @throws IncidentCause when the linked form is not deployed
   */
  UserTask create(ElementInstance instance, ElementModel element, Map<String, Object> context) {
    UserTaskModel model = element.userTask();
    Properties properties = evaluate(instance, element, context);
    UserTask task = new UserTask(state.nextKey(), instance, clock.getAsLong(),
        properties.form() == null ? 0 : properties.form().key, properties.externalReference(), element.taskHeaders());
    task.assignee = properties.assignee();
    task.candidateGroups = properties.candidateGroups();
    task.candidateUsers = properties.candidateUsers();
    task.dueDate = properties.dueDate();
    task.followUpDate = properties.followUpDate();
    task.priority = properties.priority();
    state.userTasks().add(task);
    state.changed(task);
    history.userTask(task, "CREATED", null);
    if (model.assignee() != null && task.assignee != null) {
      history.userTask(task, "ASSIGNED", "assign");
    }
    return task;
  }

  /** The headers of a job-based user task's job: the model's own, then those Camunda 8 adds. */
  Map<String, String> jobHeaders(ElementInstance instance, ElementModel element, Map<String, Object> context) {
    Properties properties = evaluate(instance, element, context);
    Map<String, String> headers = new LinkedHashMap<>(element.taskHeaders());
    String formKey = properties.form() != null ? Long.toString(properties.form().key)
        : element.userTask().formKey() != null ? element.userTask().formKey() : properties.externalReference();
    putIfSet(headers, "formKey", formKey);
    putIfSet(headers, "assignee", properties.assignee());
    if (!properties.candidateGroups().isEmpty()) {
      headers.put(HEADER_PREFIX + "candidateGroups", toJson(properties.candidateGroups()));
    }
    if (!properties.candidateUsers().isEmpty()) {
      headers.put(HEADER_PREFIX + "candidateUsers", toJson(properties.candidateUsers()));
    }
    putIfSet(headers, "dueDate", date(properties.dueDate()));
    putIfSet(headers, "followUpDate", date(properties.followUpDate()));
    return headers;
  }

  /** The element ends without its task being completed: cancel, interrupting event, terminated scope. */
  void cancel(ElementInstance instance) {
    UserTask task = state.userTasks().taskOf(instance.key);
    if (task != null) {
      task.state = UserTask.State.CANCELED;
      task.completionDate = clock.getAsLong();
      state.userTasks().finished(task);
      state.changed(task);
      history.userTask(task, "CANCELED", null);
    }
  }

  private Properties evaluate(ElementInstance instance, ElementModel element, Map<String, Object> context) {
    UserTaskModel model = element.userTask();
    String assignee = text(model.assignee(), context, "assignee", element);
    List<String> groups = names(model.candidateGroups(), context, "candidateGroups", element);
    List<String> users = names(model.candidateUsers(), context, "candidateUsers", element);
    long due = date(model.dueDate(), context, "dueDate", element);
    long followUp = date(model.followUpDate(), context, "followUpDate", element);
    int priority = priority(model.priority(), context, element);
    String external = text(model.externalReference(), context, "externalReference", element);
    return new Properties(assignee, groups, users, due, followUp, priority, form(instance, element), external);
  }

  private FormDefinition form(ElementInstance instance, ElementModel element) {
    UserTaskModel model = element.userTask();
    if (model.formId() == null) {
      return null;
    }
    FormDefinition form = model.bindToDeployment()
        ? state.userTasks().formAsOfDeployment(model.formId(),
            state.definition(instance.processDefinitionKey).deploymentKey)
        : state.userTasks().latestForm(model.formId());
    if (form == null) {
      throw new IncidentCause("FORM_NOT_FOUND", "user task '" + element.id() + "' links the form with id '"
          + model.formId() + "', but no such form is deployed"
          + (model.bindToDeployment() ? " with its process" : "") + "; deploy the form, then resolve this incident");
    }
    return form;
  }

  private String text(Expression expression, Map<String, Object> context, String what, ElementModel element) {
    Object value = value(expression, context);
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    if (value instanceof String text) {
      return text.strip();
    }
    throw new ExpressionException(what + " of user task '" + element.id() + "' must be a string, but was '"
        + value + "'");
  }

  /** A list of names, or one string of comma-separated names as written in the modeler. */
  private List<String> names(Expression expression, Map<String, Object> context, String what, ElementModel element) {
    Object value = value(expression, context);
    LinkedHashSet<String> names = new LinkedHashSet<>();
    if (value instanceof String text) {
      for (String name : text.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String name) || name.isBlank()) {
          throw new ExpressionException(what + " of user task '" + element.id()
              + "' must be a list of names, but it contains '" + item + "'");
        }
        names.add(name.strip());
      }
    } else if (value != null) {
      throw new ExpressionException(what + " of user task '" + element.id()
          + "' must be a list of names or a comma-separated string, but was '" + value + "'");
    }
    return new ArrayList<>(names);
  }

  private long date(Expression expression, Map<String, Object> context, String what, ElementModel element) {
    Object value = value(expression, context);
    if (value == null || value instanceof String text && text.isBlank()) {
      return 0;
    }
    try {
      return UserTaskDates.parse(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new ExpressionException(what + " of user task '" + element.id()
          + "' must be an ISO 8601 date-time such as 2025-04-01T17:00:00+09:00, but was '" + value + "'");
    }
  }

  private int priority(Expression expression, Map<String, Object> context, ElementModel element) {
    Object value = value(expression, context);
    if (value == null) {
      return UserTaskModel.DEFAULT_PRIORITY;
    }
    try {
      int priority = value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
          ? number.intValue() : Integer.parseInt(String.valueOf(value).strip());
      if (priority >= 0 && priority <= 100) {
        return priority;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExpressionException("priority of user task '" + element.id()
        + "' must be a whole number from 0 to 100, but was '" + value + "'");
  }

  private Object value(Expression expression, Map<String, Object> context) {
    return expression == null ? null : expression.evaluate(feel, context);
  }

  private static void putIfSet(Map<String, String> headers, String name, String value) {
    if (value != null) {
      headers.put(HEADER_PREFIX + name, value);
    }
  }

  private static String date(long millis) {
    return millis == 0 ? null : Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toString();
  }

  private static String toJson(List<String> names) {
    try {
      return JSON.writeValueAsString(names);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of names is always serialisable", e);
    }
  }
}
