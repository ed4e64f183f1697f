package org.tsumugi.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.engine.processing.Results.ActivatedJob;

/** Job workers' calls: activation as the REST API's long poll, and the answers a worker gives to a job. */
final class JobCalls {
  /** As in the REST API: used when a request names no long-polling timeout; a negative one means no waiting. */
  private static final long DEFAULT_REQUEST_TIMEOUT = 10_000;
  private static final long DEFAULT_JOB_TIMEOUT = 300_000;
  private static final int MAX_JOBS_PER_REQUEST = 1_000;

  private final CommandProcessor engine;
  private final JsonDocuments json;
  private final GatewayResponses responses;
  private final Answers answers;

  JobCalls(CommandProcessor engine, JsonDocuments json, Answers answers) {
    this.engine = engine;
    this.json = json;
    this.responses = new GatewayResponses(json);
    this.answers = answers;
  }

  /**
   * Waits for jobs up to the request timeout and answers with one response, or none when no job came. Jobs
   * the engine hands over after the client has gone (its deadline passed, or it hung up) are given back at
   * once, so they do not wait out their timeout unseen.
   */
  void activate(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    ServerCallStreamObserver<ActivateJobsResponse> call = (ServerCallStreamObserver<ActivateJobsResponse>) observer;
    call.setOnCancelHandler(() -> { });
    answers.answer(observer, () -> engine.submit(activation(request)), activated -> {
      @SuppressWarnings("unchecked")
      List<ActivatedJob> jobs = (List<ActivatedJob>) activated;
      if (call.isCancelled()) {
        if (!jobs.isEmpty()) {
          // the engine's own hand-back: only jobs still locked for this worker under this deadline go back
          engine.submit(new Command.YieldJobs(jobs.get(0).worker(), jobs.get(0).deadline(),
              jobs.stream().map(job -> job.job().key).toList()));
        }
        return null;
      }
      if (jobs.isEmpty()) {
        return null; // as a Zeebe gateway does: the stream ends without a response
      }
      return ActivateJobsResponse.newBuilder().addAllJobs(jobs.stream().map(responses::job).toList()).build();
    });
  }

  private static Command.ActivateJobs activation(ActivateJobsRequest request) {
    if (request.getType().isBlank()) {
      throw Rejection.invalidArgument("type must name the job type to activate");
    }
    int max = request.getMaxJobsToActivate();
    if (max < 1 || max > MAX_JOBS_PER_REQUEST) {
      throw Rejection.invalidArgument("maxJobsToActivate must be between 1 and " + MAX_JOBS_PER_REQUEST
          + ", but was " + max);
    }
    if (request.getTimeout() < 0) {
      throw Rejection.invalidArgument("timeout must be positive, but was " + request.getTimeout());
    }
    // proto3 cannot tell an unset number from 0: both take the REST API's defaults
    long timeout = request.getTimeout() == 0 ? DEFAULT_JOB_TIMEOUT : request.getTimeout();
    long requestTimeout = request.getRequestTimeout() == 0 ? DEFAULT_REQUEST_TIMEOUT : request.getRequestTimeout();
    String worker = request.getWorker().isEmpty() ? "default" : request.getWorker();
    return new Command.ActivateJobs(request.getType(), worker, timeout, max, request.getFetchVariableList(),
        Math.max(0, requestTimeout));
  }

  void complete(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    if (request.hasResult()) {
      observer.onError(GatewayErrors.unsupported("a job result (of user task listeners)"));
      return;
    }
    answers.answer(observer, () -> engine.submit(new Command.CompleteJob(request.getJobKey(),
        json.read(request.getVariables(), "variables"))), done -> CompleteJobResponse.getDefaultInstance());
  }

  void fail(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    answers.answer(observer, () -> engine.submit(new Command.FailJob(request.getJobKey(), request.getRetries(),
            blankToNull(request.getErrorMessage()), request.getRetryBackOff(),
            json.read(request.getVariables(), "variables"))),
        done -> FailJobResponse.getDefaultInstance());
  }

  void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    answers.answer(observer, () -> engine.submit(new Command.ThrowError(request.getJobKey(), request.getErrorCode(),
            blankToNull(request.getErrorMessage()), json.read(request.getVariables(), "variables"))),
        done -> ThrowErrorResponse.getDefaultInstance());
  }

  void updateRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    answers.answer(observer, () -> engine.submit(new Command.UpdateJob(request.getJobKey(), request.getRetries(),
        null)), done -> UpdateJobRetriesResponse.getDefaultInstance());
  }

  void updateTimeout(UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    answers.answer(observer, () -> engine.submit(new Command.UpdateJob(request.getJobKey(), null,
        request.getTimeout())), done -> UpdateJobTimeoutResponse.getDefaultInstance());
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
