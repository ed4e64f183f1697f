package org.tsumugi.engine.processing;

import java.util.Map;
import java.util.function.LongSupplier;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.Incident;
import org.tsumugi.engine.state.Job;
import org.tsumugi.engine.state.JobState;

/**
 * Tasks that job workers do (service, send, and job-based script, business rule and user tasks): the element waits
 * for its job, which is created on activation with the evaluated type, retries and headers, and canceled when the
 * element ends otherwise.
 */
final class JobTasks {
  private final BpmnExecutor executor;
  private final EngineState state;
  private final FeelEngine feel;
  private final LongSupplier clock;
  private final History history;
  private final Incidents incidents;
  private final UserTaskBehavior userTasks;
  private final BpmnExecutor.Listener listener;

  JobTasks(BpmnExecutor executor, EngineState state, FeelEngine feel, LongSupplier clock, History history,
      Incidents incidents, UserTaskBehavior userTasks, BpmnExecutor.Listener listener) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.clock = clock;
    this.history = history;
    this.incidents = incidents;
    this.userTasks = userTasks;
    this.listener = listener;
  }

  void activate(ElementInstance instance, ElementModel element) {
    Map<String, Object> context = executor.variables().visible(instance);
    String type;
    int retries;
    Map<String, String> headers;
    try {
      type = BpmnExecutor.asText(element.jobType().evaluate(feel, context), "job type", element);
      retries = asInt(element.jobRetries().evaluate(feel, context), "job retries", element);
      headers = element.kind() == ElementKind.USER_TASK ? userTasks.jobHeaders(instance, element, context)
          : element.taskHeaders();
    } catch (ExpressionException | IncidentCause e) {
      incidents.activationFailed(instance, e);
      return;
    }
    Job job = new Job(state.nextKey(), type, instance.key, instance.processInstanceKey, instance.processDefinitionKey,
        instance.bpmnProcessId, instance.version, instance.elementId, headers, retries);
    instance.jobKey = job.key;
    executor.activated(instance);
    state.putJob(job);
    history.job(job, "CREATED");
    listener.jobCreated(job);
  }

  /** The element ends otherwise (terminated): its open job is canceled. */
  void cancel(ElementInstance instance) {
    if (instance.jobKey == 0) {
      return;
    }
    Job job = state.job(instance.jobKey);
    if (job != null && !job.state.isFinal()) {
      job.state = JobState.CANCELED;
      job.lastIntent = "CANCELED";
      job.endDate = clock.getAsLong();
      state.jobChanged(job);
      history.job(job, "CANCELED");
    }
  }

  void outOfRetries(Job job) {
    String message = job.errorMessage == null || job.errorMessage.isBlank() ? "No more retries left." : job.errorMessage;
    incidents.raise(state.elementInstance(job.elementInstanceKey), "JOB_NO_RETRIES", message, job.key,
        Incident.Retry.JOB);
  }

  /** Resolving a job's incident hands the job to workers again, once its retries have been raised. */
  void retry(Incident incident) {
    Job job = state.job(incident.jobKey);
    if (job.retries > 0) {
      job.state = JobState.ACTIVATABLE;
      job.lastIntent = "RETRIES_UPDATED";
      job.worker = null;
      state.jobChanged(job);
      history.job(job, "RECURRED_AFTER_INCIDENT");
      listener.jobCreated(job);
    } else {
      outOfRetries(job);
    }
  }

  private static int asInt(Object value, String what, ElementModel element) {
    try {
      int number = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExpressionException(what + " of '" + element.id() + "' must be a non-negative number, but was '" + value + "'");
  }
}
