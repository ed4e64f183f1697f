package org.tsumugi.engine.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.tsumugi.engine.processing.Command.ActivateJobs;
import org.tsumugi.engine.processing.Command.CompleteJob;
import org.tsumugi.engine.processing.Command.FailJob;
import org.tsumugi.engine.processing.Command.ThrowError;
import org.tsumugi.engine.processing.Command.UpdateJob;
import org.tsumugi.engine.processing.Command.YieldJobs;
import org.tsumugi.engine.processing.Results.ActivatedJob;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.Job;
import org.tsumugi.engine.state.JobState;

/**
 * What workers do with jobs: activate (lock for a while), complete, fail (with retries and back-off), throw a BPMN
 * error, update retries or timeout, and what the scheduler does when a lock or back-off runs out.
 */
final class JobCommands {
  /** What the processor hears about: jobs that became activatable, and lock or back-off ends to schedule. */
  interface Listener {
    void activatable(Job job);

    void schedule(Job job);
  }

  private final EngineState state;
  private final BpmnExecutor executor;
  private final History history;
  private final LongSupplier clock;
  private final Listener listener;

  JobCommands(EngineState state, BpmnExecutor executor, History history, LongSupplier clock, Listener listener) {
    this.state = state;
    this.executor = executor;
    this.history = history;
    this.clock = clock;
    this.listener = listener;
  }

  List<ActivatedJob> activate(ActivateJobs activate) {
    long now = clock.getAsLong();
    List<ActivatedJob> activated = new ArrayList<>();
    for (Job job : state.activatableJobs(activate.type(), activate.maxJobs())) {
      job.state = JobState.ACTIVATED;
      job.worker = activate.worker();
      job.deadline = now + activate.timeout();
      state.jobChanged(job);
      history.job(job, "ACTIVATED");
      listener.schedule(job);
      ElementInstance instance = state.elementInstance(job.elementInstanceKey);
      activated.add(new ActivatedJob(job, job.deadline,
          executor.variables().visible(instance, activate.fetchVariables()), job.worker, job.retries));
    }
    return activated;
  }

  /** The activation never reached its worker: its jobs go to the next one. */
  Object yieldJobs(YieldJobs yield) {
    for (long key : yield.jobKeys()) {
      Job job = state.job(key);
      if (job != null && job.state == JobState.ACTIVATED && job.deadline == yield.deadline()
          && Objects.equals(job.worker, yield.worker())) {
        job.state = JobState.ACTIVATABLE;
        job.worker = null;
        job.deadline = 0;
        state.jobChanged(job);
        history.job(job, "YIELDED");
        listener.activatable(job);
      }
    }
    return null;
  }

  private Job existingJob(long jobKey) {
    Job job = state.job(jobKey);
    if (job == null) {
      throw Rejection.notFound("no job found with key " + jobKey + "; it may have been completed or canceled");
    }
    return job;
  }

  Object complete(CompleteJob complete) {
    Job job = existingJob(complete.jobKey());
    if (job.state != JobState.ACTIVATED && job.state != JobState.ACTIVATABLE) {
      throw Rejection.invalidState("job " + job.key + " cannot be completed: it is " + job.state
          + (job.retries == 0 ? " with no retries left" : ""));
    }
    job.state = JobState.COMPLETED;
    job.lastIntent = "COMPLETED";
    job.endDate = clock.getAsLong();
    state.jobChanged(job);
    history.job(job, "COMPLETED");
    executor.completeJobElement(job, complete.variables());
    return job.key;
  }

  Object fail(FailJob fail) {
    if (fail.retries() < 0) {
      throw Rejection.invalidArgument("retries must not be negative, but was " + fail.retries());
    }
    if (fail.retryBackOff() < 0) {
      throw Rejection.invalidArgument("retryBackOff must not be negative, but was " + fail.retryBackOff());
    }
    Job job = existingJob(fail.jobKey());
    if (job.state != JobState.ACTIVATED) {
      throw Rejection.invalidState("job " + job.key + " cannot be failed: it is not activated but " + job.state);
    }
    job.retries = fail.retries();
    job.errorMessage = fail.errorMessage();
    job.lastIntent = "FAILED";
    job.deadline = 0;
    if (fail.variables() != null && !fail.variables().isEmpty()) {
      executor.variables().setLocal(state.elementInstance(job.elementInstanceKey), fail.variables());
    }
    if (job.retries > 0 && fail.retryBackOff() > 0) {
      job.state = JobState.FAILED;
      job.recurAt = clock.getAsLong() + fail.retryBackOff();
      listener.schedule(job);
    } else if (job.retries > 0) {
      job.state = JobState.ACTIVATABLE;
      listener.activatable(job);
    } else {
      job.state = JobState.FAILED;
    }
    state.jobChanged(job);
    history.job(job, "FAILED");
    if (job.retries == 0) {
      executor.jobOutOfRetries(job);
    }
    return job.key;
  }

  Object throwError(ThrowError error) {
    if (error.errorCode() == null || error.errorCode().isBlank()) {
      throw Rejection.invalidArgument("errorCode must not be empty");
    }
    Job job = existingJob(error.jobKey());
    if (job.state != JobState.ACTIVATED && job.state != JobState.ACTIVATABLE) {
      throw Rejection.invalidState("job " + job.key + " cannot throw an error: it is " + job.state);
    }
    job.errorCode = error.errorCode();
    job.errorMessage = error.errorMessage();
    job.lastIntent = "ERROR_THROWN";
    job.state = JobState.ERROR_THROWN;
    job.endDate = clock.getAsLong();
    history.job(job, "ERROR_THROWN");
    boolean caught = executor.throwError(job, error.errorCode(), error.errorMessage(), error.variables());
    if (!caught) {
      // the incident keeps the job so that resolving it hands the job to a worker again
      job.state = JobState.FAILED;
      job.endDate = 0;
    }
    state.jobChanged(job);
    return job.key;
  }

  Object update(UpdateJob update) {
    Job job = existingJob(update.jobKey());
    if (update.retries() != null && update.retries() < 1) {
      throw Rejection.invalidArgument("retries must be at least 1, but was " + update.retries());
    }
    if (update.timeout() != null && update.timeout() < 0) {
      throw Rejection.invalidArgument("timeout must not be negative, but was " + update.timeout());
    }
    if (update.timeout() != null && job.state != JobState.ACTIVATED) {
      throw Rejection.invalidState("the timeout of job " + job.key + " cannot change: it is not activated");
    }
    if (update.retries() != null) {
      job.retries = update.retries();
      job.lastIntent = "RETRIES_UPDATED";
      history.job(job, "RETRIES_UPDATED");
    }
    if (update.timeout() != null) {
      job.deadline = clock.getAsLong() + update.timeout();
      listener.schedule(job);
      history.job(job, "TIMEOUT_UPDATED");
    }
    state.jobChanged(job);
    return job.key;
  }

  /** From the scheduler: a lock ran out (the job goes to the next worker), or a retry back-off ended. */
  Object due(long jobKey) {
    Job job = state.job(jobKey);
    long now = clock.getAsLong();
    if (job == null) {
      return null;
    }
    if (job.state == JobState.ACTIVATED && job.deadline > 0 && job.deadline <= now) {
      job.state = JobState.ACTIVATABLE;
      job.lastIntent = "TIMED_OUT";
      job.worker = null;
      job.deadline = 0;
      state.jobChanged(job);
      history.job(job, "TIMED_OUT");
      listener.activatable(job);
    } else if (job.state == JobState.FAILED && job.retries > 0 && job.recurAt > 0 && job.recurAt <= now) {
      job.state = JobState.ACTIVATABLE;
      job.recurAt = 0;
      state.jobChanged(job);
      history.job(job, "RECURRED_AFTER_BACKOFF");
      listener.activatable(job);
    }
    return null;
  }
}
