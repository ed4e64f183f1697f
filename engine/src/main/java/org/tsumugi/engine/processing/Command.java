package org.tsumugi.engine.processing;

import java.util.List;
import java.util.Map;

/** What clients and the scheduler ask of the engine; applied one at a time by the single writer. */
public sealed interface Command {

  /**
   * Resources are read and validated before they reach the writer, so a bad one changes nothing.
   * Forms go in before processes, so that a process finds the forms deployed with it.
   */
  record Deploy(List<Results.ParsedResource> resources, List<Results.ParsedForm> forms) implements Command {
    public Deploy(List<Results.ParsedResource> resources) {
      this(resources, List.of());
    }
  }

  /** By process id (latest version, or the given one) or by definition key. */
  record CreateInstance(String bpmnProcessId, int version, long definitionKey, Map<String, Object> variables,
      boolean awaitCompletion, List<String> fetchVariables) implements Command {}

  record CancelInstance(long processInstanceKey) implements Command {}

  /**
   * With a positive request timeout, a request that finds no job waits for one (long polling), but answers before
   * the request timeout has passed since it was received (wall-clock millis): the client stops waiting then.
   */
  record ActivateJobs(String type, String worker, long timeout, int maxJobs, List<String> fetchVariables,
      long requestTimeout, long receivedAt) implements Command {
    public ActivateJobs(String type, String worker, long timeout, int maxJobs, List<String> fetchVariables,
        long requestTimeout) {
      this(type, worker, timeout, maxJobs, fetchVariables, requestTimeout, System.currentTimeMillis());
    }

    /** Whether the request may wait for jobs. */
    public boolean longPolls() {
      return requestTimeout > 0;
    }

    /**
     * The last moment to hand jobs to this request: a tenth of its request timeout (at most a second) before the
     * client gives up, so the answer still reaches it.
     */
    public long answerBy() {
      return receivedAt + requestTimeout - Math.min(requestTimeout / 10, 1000);
    }

    /** After this, the client may have given up: jobs are no longer sent to it. */
    public boolean clientMayHaveGivenUp(long now) {
      return longPolls() && now > receivedAt + requestTimeout;
    }
  }

  /**
   * Jobs an activation could not deliver (its client had gone): activatable again at once, unless they have
   * changed since that activation (identified by its worker and deadline).
   */
  record YieldJobs(String worker, long deadline, List<Long> jobKeys) implements Command {}

  record CompleteJob(long jobKey, Map<String, Object> variables) implements Command {}

  record FailJob(long jobKey, int retries, String errorMessage, long retryBackOff, Map<String, Object> variables)
      implements Command {}

  record ThrowError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables)
      implements Command {}

  /** Null fields are left as they are. */
  record UpdateJob(long jobKey, Integer retries, Long timeout) implements Command {}

  record ResolveIncident(long incidentKey) implements Command {}

  record SetVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) implements Command {}

  /** By decision key, or by decision id (latest version); recorded as decision instances. */
  record EvaluateDecision(String decisionId, long decisionKey, Map<String, Object> variables) implements Command {}

  /** From the scheduler: a job lock ran out, or a retry back-off ended. */
  record JobDue(long jobKey) implements Command {}

  /** From the scheduler: a timer's due date came. */
  record TimerDue(long subscriptionKey) implements Command {}

  /** Pins the engine clock at an instant; a negative instant resets it to the system clock. */
  record PinClock(long epochMillis) implements Command {}

  /** A message for the subscriptions that wait for it; with a positive time to live, buffered for later ones. */
  record PublishMessage(String name, String correlationKey, long timeToLive, String messageId,
      Map<String, Object> variables) implements Command {}

  /** A message for the subscriptions that wait for it now, never buffered; rejected when none does. */
  record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables) implements Command {}

  /** From the scheduler: buffered messages have expired. */
  record ExpireMessages() implements Command {}

  record BroadcastSignal(String name, Map<String, Object> variables) implements Command {}

  /** Assigning a task to oneself is claiming it. A null actor is the system (the REST API has no users yet). */
  record AssignUserTask(long userTaskKey, String assignee, boolean allowOverride, String action, ActingUser actor)
      implements Command {}

  record UnassignUserTask(long userTaskKey, String action, ActingUser actor) implements Command {}

  record CompleteUserTask(long userTaskKey, Map<String, Object> variables, String action, ActingUser actor)
      implements Command {}

  /** Null fields are left as they are; an empty date clears it, an empty list clears the candidates. */
  record UpdateUserTask(long userTaskKey, String dueDate, String followUpDate, List<String> candidateGroups,
      List<String> candidateUsers, Integer priority, String action) implements Command {}
}
