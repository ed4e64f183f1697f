package org.tsumugi.browser.run;

import java.util.Map;

/**
 * One job for a browser robot.
 *
 * @param scenario the scenario name, e.g. {@code sandbox-emr/monshin-entry}
 * @param variables the job's variables, for templates (never secrets)
 * @param idempotencyKey stays the same when the job is retried; scenarios use it to spot their
 *     own earlier writes ({@code {{idempotencyKey}}})
 * @param runId names this attempt's evidence; letters, digits, dot, dash, underscore
 * @param heartbeat called between steps so a long run can extend its job's timeout
 */
public record RunRequest(
    String scenario,
    Map<String, Object> variables,
    String idempotencyKey,
    String runId,
    Runnable heartbeat) {

  public RunRequest {
    variables = variables == null ? Map.of() : variables;
    heartbeat = heartbeat == null ? () -> { } : heartbeat;
  }
}
