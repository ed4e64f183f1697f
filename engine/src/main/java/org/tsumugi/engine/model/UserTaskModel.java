package org.tsumugi.engine.model;

import org.tsumugi.engine.feel.Expression;

/**
 * What a BPMN user task asks of the engine, read at deployment. Each value is a literal or FEEL,
 * evaluated when the task activates; null where the model leaves it out.
 *
 * @param camundaUserTask true with {@code zeebe:userTask}; false for a job-based user task (Camunda 8.7
 *     and earlier models), which runs as a job of the reserved user-task job type
 * @param formId a linked Camunda Form, resolved to a deployed form version at activation
 * @param bindToDeployment whether formId binds to the version deployed with the process instead of the latest
 * @param formKey a job-based task's own form key: custom, or {@code camunda-forms:bpmn:<id>} for an embedded form
 */
public record UserTaskModel(boolean camundaUserTask, Expression assignee, Expression candidateGroups,
    Expression candidateUsers, Expression dueDate, Expression followUpDate, Expression priority, String formId,
    boolean bindToDeployment, String formKey, Expression externalReference) {

  /** Camunda's default priority when the model names none. */
  public static final int DEFAULT_PRIORITY = 50;

  /** The job type of job-based user tasks, reserved by Camunda 8. */
  public static final String JOB_TYPE = "io.camunda.zeebe:userTask";
}
