package org.tsumugi.engine.model;

import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.List;
import org.tsumugi.engine.feel.Expression;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;

/**
 * Reads a {@code bpmn:userTask} into its element model. Structural mistakes (a literal date that is
 * not ISO 8601, FEEL that does not parse) are problems at deployment, not incidents later.
 */
final class UserTaskReader {
  private final FeelEngine feel;
  private final List<String> problems;

  UserTaskReader(FeelEngine feel, List<String> problems) {
    this.feel = feel;
    this.problems = problems;
  }

  ElementModel read(UserTask task, String where) {
    ElementModel model = new ElementModel(task.getId(), task.getName(), ElementKind.USER_TASK);
    boolean camunda = task.getSingleExtensionElement(ZeebeUserTask.class) != null;
    ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority = task.getSingleExtensionElement(ZeebePriorityDefinition.class);
    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form != null && form.getBindingType() == ZeebeBindingType.versionTag) {
      problems.add(where + ": form binding by version tag is not supported by Tsumugi's engine yet");
    }
    model.userTask = new UserTaskModel(camunda,
        assignment == null ? null : parse(where, assignment.getAssignee()),
        assignment == null ? null : parse(where, assignment.getCandidateGroups()),
        assignment == null ? null : parse(where, assignment.getCandidateUsers()),
        schedule == null ? null : date(where, "dueDate", schedule.getDueDate()),
        schedule == null ? null : date(where, "followUpDate", schedule.getFollowUpDate()),
        priority == null ? null : parse(where, priority.getPriority()),
        form == null ? null : blankToNull(form.getFormId()),
        form != null && form.getBindingType() == ZeebeBindingType.deployment,
        form == null ? null : blankToNull(form.getFormKey()),
        form == null ? null : parse(where, form.getExternalReference()));
    ZeebeTaskHeaders headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers != null) {
      for (ZeebeHeader header : headers.getHeaders()) {
        model.taskHeaders.put(header.getKey(), header.getValue());
      }
    }
    if (!camunda) {
      model.jobType = feel.parse(UserTaskModel.JOB_TYPE);
      model.jobRetries = feel.parse("1");
    }
    return model;
  }

  private Expression date(String where, String attribute, String text) {
    Expression expression = parse(where, text);
    if (expression != null && expression.isStatic()) {
      try {
        UserTaskDates.parse(expression.source());
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + attribute + " '" + text + "' is not an ISO 8601 date-time such as"
            + " 2025-04-01T17:00:00+09:00");
      }
    }
    return expression;
  }

  private Expression parse(String where, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return feel.parse(text);
    } catch (ExpressionException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
