package org.tsumugi.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

@RestController
@RequestMapping("/v2/jobs")
class JobController {
  /** Used when an activation request names no long-polling timeout; a negative one means no waiting. */
  private static final long DEFAULT_REQUEST_TIMEOUT = 10_000;
  private static final int MAX_JOBS_PER_REQUEST = 1_000;


  private final CommandProcessor engine;
  private final ActivationDelivery delivery;

  JobController(CommandProcessor engine, ObjectMapper json) {
    this.engine = engine;
    this.delivery = new ActivationDelivery(engine, json);
  }

  /**
   * Answered asynchronously by {@link ActivationDelivery}, which hands back the jobs of a worker that stopped
   * waiting.
   */
  @PostMapping("/activation")
  void activate(@RequestBody JobActivationRequest request, HttpServletRequest http, HttpServletResponse response) {
    if (request.getType() == null || request.getType().isBlank()) {
      throw Rejection.invalidArgument("type must name the job type to activate");
    }
    int max = request.getMaxJobsToActivate() == null ? 32 : request.getMaxJobsToActivate();
    if (max < 1 || max > MAX_JOBS_PER_REQUEST) {
      throw Rejection.invalidArgument("maxJobsToActivate must be between 1 and " + MAX_JOBS_PER_REQUEST
          + ", but was " + max);
    }
    long timeout = request.getTimeout() == null ? 300_000 : request.getTimeout();
    if (timeout < 1) {
      throw Rejection.invalidArgument("timeout must be positive, but was " + timeout);
    }
    long requestTimeout = request.getRequestTimeout() == null || request.getRequestTimeout() == 0
        ? DEFAULT_REQUEST_TIMEOUT : request.getRequestTimeout();
    String worker = request.getWorker() == null ? "default" : request.getWorker();
    delivery.deliver(new Command.ActivateJobs(request.getType(), worker, timeout, max, request.getFetchVariable(),
        Math.max(0, requestTimeout), System.currentTimeMillis()), http, response);
  }

  @PostMapping("/{key}/completion")
  ResponseEntity<Void> complete(@PathVariable String key,
      @RequestBody(required = false) JobCompletionRequest request) {
    return noContent(engine.submit(completion(key, request)));
  }

  /** The command a completion request asks for; {@link DirectCommands} shares it. */
  static Command.CompleteJob completion(String key, JobCompletionRequest request) {
    return new Command.CompleteJob(Keys.parse(key, "jobKey"), request == null ? null : request.getVariables());
  }

  @PostMapping("/{key}/failure")
  ResponseEntity<Void> fail(@PathVariable String key,
      @RequestBody(required = false) JobFailRequest request) {
    JobFailRequest body = request == null ? new JobFailRequest() : request;
    int retries = body.getRetries() == null ? 0 : body.getRetries();
    long backOff = body.getRetryBackOff() == null ? 0 : body.getRetryBackOff();
    return noContent(engine.submit(new Command.FailJob(Keys.parse(key, "jobKey"), retries, body.getErrorMessage(),
        backOff, body.getVariables())));
  }

  @PostMapping("/{key}/error")
  ResponseEntity<Void> error(@PathVariable String key, @RequestBody JobErrorRequest request) {
    return noContent(engine.submit(new Command.ThrowError(Keys.parse(key, "jobKey"), request.getErrorCode(),
        request.getErrorMessage(), request.getVariables())));
  }

  @PatchMapping("/{key}")
  ResponseEntity<Void> update(@PathVariable String key, @RequestBody JobUpdateRequest request) {
    if (request.getChangeset() == null
        || (request.getChangeset().getRetries() == null && request.getChangeset().getTimeout() == null)) {
      throw Rejection.invalidArgument("changeset must set retries, timeout or both");
    }
    return noContent(engine.submit(new Command.UpdateJob(Keys.parse(key, "jobKey"),
        request.getChangeset().getRetries(), request.getChangeset().getTimeout())));
  }


  /**
   * Waits on the request thread for a command that answers within milliseconds: cheaper than an
   * asynchronous dispatch, which runs the request through the servlet stack a second time. Only
   * requests that may wait long (long polls, create-with-result) answer asynchronously.
   */
  static ResponseEntity<Void> noContent(CompletableFuture<Object> submitted) {
    submitted.join();
    return ResponseEntity.noContent().build();
  }
}
