package org.tsumugi.browser.job;

import org.tsumugi.browser.Messages;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.run.RunOutcome;
import org.tsumugi.browser.run.RunRequest;

/**
 * Job worker {@value #TYPE}. Headers: {@code scenario} (required), {@code retryBackoff} and
 * {@code timeoutExtension} (ISO-8601 durations). See the module README for variables and errors.
 */
public class BrowserRunWorker {

  public static final String TYPE = "tsumugi.browser.run";
  static final String HEADER_SCENARIO = "scenario";
  static final String HEADER_BACKOFF = "retryBackoff";
  static final String HEADER_EXTENSION = "timeoutExtension";
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(30);
  static final Duration DEFAULT_EXTENSION = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(BrowserRunWorker.class);

  private final BrowserRobot robot;
  private final CamundaClient camunda;

  public BrowserRunWorker(BrowserRobot robot, CamundaClient camunda) {
    this.robot = robot;
    this.camunda = camunda;
  }

  @JobWorker(type = TYPE, autoComplete = false)
  public void handle(JobClient client, ActivatedJob job) {
    JobResult result = execute(job, extension -> camunda.newUpdateTimeoutCommand(job.getKey()).timeout(extension).send());
    send(client, job, result);
  }

  /** Runs the job's scenario and decides what to tell the engine; never throws. */
  JobResult execute(ActivatedJob job, Function<Duration, ?> extendTimeout) {
    Map<String, String> headers = job.getCustomHeaders();
    String scenario = headers.get(HEADER_SCENARIO);
    if (scenario == null || scenario.isBlank()) {
      // A modelling mistake: retrying cannot fix it, so go straight to an incident.
      return new JobResult.Fail(0, Duration.ZERO,
          Messages.get("job.noScenario", HEADER_SCENARIO), Map.of());
    }
    Duration backoff;
    Duration extension;
    try {
      backoff = duration(headers.get(HEADER_BACKOFF), DEFAULT_BACKOFF);
      extension = duration(headers.get(HEADER_EXTENSION), DEFAULT_EXTENSION);
    } catch (DateTimeParseException e) {
      return new JobResult.Fail(0, Duration.ZERO, Messages.get("job.badDuration", e.getParsedString()), Map.of());
    }
    TimeoutExtender extender = new TimeoutExtender(job.getDeadline(), extension, System::currentTimeMillis, d -> {
      try {
        extendTimeout.apply(d);
      } catch (RuntimeException e) {
        LOG.warn("Could not extend the timeout of job {}: {}", job.getKey(), e.getClass().getSimpleName());
      }
    });
    Map<String, Object> variables = job.getVariablesAsMap();
    Object key = variables.get("idempotencyKey");
    RunRequest request = new RunRequest(scenario, variables,
        key != null ? String.valueOf(key) : String.valueOf(job.getKey()),
        "job-" + job.getKey() + "-r" + job.getRetries(), extender);

    RunOutcome outcome = robot.run(request);
    Map<String, Object> evidence = new HashMap<>();
    evidence.put("browserEvidence", robot.evidenceVariable(outcome.evidence()));
    if (outcome instanceof RunOutcome.Completed c) {
      return new JobResult.Complete(c.variables());
    } else if (outcome instanceof RunOutcome.BusinessError e) {
      return new JobResult.ThrowError(e.code(), e.message(), evidence);
    }
    RunOutcome.TechnicalFailure f = (RunOutcome.TechnicalFailure) outcome;
    String message = f.message() + (f.evidence().screenshots().isEmpty() ? ""
        : Messages.get("job.evidence", String.join(", ", f.evidence().screenshots())));
    return new JobResult.Fail(Math.max(job.getRetries() - 1, 0), backoff, message, evidence);
  }

  static void send(JobClient client, ActivatedJob job, JobResult result) {
    if (result instanceof JobResult.Complete c) {
      client.newCompleteCommand(job).variables(c.variables()).send().join();
    } else if (result instanceof JobResult.ThrowError e) {
      client.newThrowErrorCommand(job).errorCode(e.code()).errorMessage(e.message()).variables(e.variables()).send().join();
    } else {
      JobResult.Fail f = (JobResult.Fail) result;
      client.newFailCommand(job).retries(f.retries()).retryBackoff(f.backoff()).errorMessage(f.message())
          .variables(f.variables()).send().join();
    }
  }

  private static Duration duration(String header, Duration fallback) {
    return header == null || header.isBlank() ? fallback : Duration.parse(header.strip());
  }
}
