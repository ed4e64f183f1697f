package org.tsumugi.browser.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine commands each result turns into, recorded by a stand-in for the client's fluent API. */
class JobCommandsTest {

  private final List<String> calls = new ArrayList<>();
  private final ActivatedJob job = mock(ActivatedJob.class);

  /** Answers every call of the fluent command API with another recorder, and records the call. */
  @SuppressWarnings("unchecked")
  private <T> T recorder(Class<T> type) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("toString") ? "recorder" : method.getName().equals("hashCode") ? 0 : false;
      }
      String shown = args == null ? "" : Arrays.stream(args).map(a -> a == job ? "job" : String.valueOf(a))
          .reduce((a, b) -> a + ", " + b).orElse("");
      calls.add(method.getName() + "(" + shown + ")");
      return method.getReturnType().isInterface() ? recorder(method.getReturnType()) : null;
    });
  }

  @Test
  void completeSendsTheVariables() {
    BrowserRunWorker.send(recorder(JobClient.class), job, new JobResult.Complete(Map.of("emrPatientName", "佐藤 花子")));

    assertThat(calls).containsExactly("newCompleteCommand(job)", "variables({emrPatientName=佐藤 花子})", "send()", "join()");
  }

  @Test
  void aBusinessErrorIsThrownAsABpmnErrorWithItsCode() {
    BrowserRunWorker.send(recorder(JobClient.class), job,
        new JobResult.ThrowError("PATIENT_NOT_FOUND", "該当する患者がいません", Map.of("browserEvidence", "ref")));

    assertThat(calls).containsExactly("newThrowErrorCommand(job)", "errorCode(PATIENT_NOT_FOUND)",
        "errorMessage(該当する患者がいません)", "variables({browserEvidence=ref})", "send()", "join()");
  }

  @Test
  void aTechnicalFailureFailsTheJobWithRetriesAndBackOff() {
    BrowserRunWorker.send(recorder(JobClient.class), job,
        new JobResult.Fail(2, Duration.ofSeconds(45), "要素が見つかりません", Map.of()));

    assertThat(calls).containsExactly("newFailCommand(job)", "retries(2)", "retryBackoff(PT45S)",
        "errorMessage(要素が見つかりません)", "variables({})", "send()", "join()");
  }
}
