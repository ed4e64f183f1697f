package org.tsumugi.browser.job;

import java.time.Duration;
import java.util.Map;

/** What the adapter tells the engine about one job. */
sealed interface JobResult {

  Map<String, Object> variables();

  record Complete(Map<String, Object> variables) implements JobResult {}

  record ThrowError(String code, String message, Map<String, Object> variables) implements JobResult {}

  record Fail(int retries, Duration backoff, String message, Map<String, Object> variables) implements JobResult {}
}
