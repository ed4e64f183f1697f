package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Results.ActivatedJob;

/**
 * Answers a job activation once the engine has, on a container thread, and makes sure no job stays locked for a
 * worker that never got it: when the answer comes after the client may have stopped waiting, or writing it fails
 * because the client has gone, the jobs are handed back to the engine (yielded) and activatable again at once,
 * instead of waiting out their lock timeout.
 */
final class ActivationDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(ActivationDelivery.class);
  /** The container's own bound on an activation, beyond its request timeout; the engine always answers first. */
  private static final long CONTAINER_SLACK_MILLIS = 60_000;

  private final CommandProcessor engine;
  private final ObjectMapper json;

  ActivationDelivery(CommandProcessor engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  void deliver(Command.ActivateJobs command, HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(Math.max(0, command.requestTimeout()) + CONTAINER_SLACK_MILLIS);
    CompletableFuture<Object> answer = engine.submit(command);
    answer.whenComplete((jobs, failure) -> {
      try {
        async.start(() -> respond(command, jobs, failure, async, request, response));
      } catch (IllegalStateException containerGaveUp) {
        giveBack(command, jobs);
      }
    });
  }

  private void respond(Command.ActivateJobs command, Object outcome, Throwable failure, AsyncContext async,
      HttpServletRequest request, HttpServletResponse response) {
    List<ActivatedJob> jobs = failure == null ? jobsOf(outcome) : List.of();
    try {
      if (!jobs.isEmpty() && command.clientMayHaveGivenUp(System.currentTimeMillis())) {
        giveBack(command, jobs);
        jobs = List.of();
      }
      byte[] body;
      if (failure == null) {
        body = json.writeValueAsBytes(new JobActivationResult().jobs(jobs.stream().map(ActivationDelivery::result)
            .toList()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      } else {
        var problem = ApiProblems.ofFailure(failure, request);
        body = json.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(ApiProblems.PROBLEM.toString());
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
    } catch (IOException | RuntimeException e) {
      giveBack(command, jobs);
    } finally {
      async.complete();
    }
  }

  private void giveBack(Command.ActivateJobs command, Object outcome) {
    List<ActivatedJob> jobs = jobsOf(outcome);
    if (jobs.isEmpty()) {
      return;
    }
    LOG.warn("{} jobs of type '{}' did not reach worker '{}', which stopped waiting; they are activatable again",
        jobs.size(), command.type(), command.worker());
    engine.submit(new Command.YieldJobs(command.worker(), jobs.get(0).deadline(),
        jobs.stream().map(job -> job.job().key).toList()));
  }

  private static ActivatedJobResult result(ActivatedJob activated) {
    var job = activated.job();
    return new ActivatedJobResult().jobKey(Keys.format(job.key)).type(job.type)
        .processInstanceKey(Keys.format(job.processInstanceKey))
        .processDefinitionKey(Keys.format(job.processDefinitionKey)).processDefinitionId(job.bpmnProcessId)
        .processDefinitionVersion(job.version).elementId(job.elementId)
        .elementInstanceKey(Keys.format(job.elementInstanceKey)).customHeaders(new LinkedHashMap<>(job.customHeaders))
        .worker(activated.worker()).retries(activated.retries()).deadline(activated.deadline())
        .variables(activated.variables()).tenantId(TENANT).kind(JobKindEnum.BPMN_ELEMENT)
        .listenerEventType(JobListenerEventTypeEnum.UNSPECIFIED).tags(Set.of());
  }

  @SuppressWarnings("unchecked")
  private static List<ActivatedJob> jobsOf(Object outcome) {
    return outcome instanceof List<?> list ? (List<ActivatedJob>) list : List.of();
  }
}
