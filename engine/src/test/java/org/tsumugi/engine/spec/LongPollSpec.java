package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.tsumugi.engine.EngineTest;

/**
 * A long-polling job activation never leaves jobs with a worker that has stopped listening: a job a
 * request could not deliver goes back to the other workers at once, not after its lock timeout.
 */
class LongPollSpec extends EngineTest {

  @Value("${camunda.client.rest-address}")
  String restAddress;

  private String serviceProcess(String id) {
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("task", t -> t.zeebeJobType(id)).endEvent()
        .done());
    return id;
  }

  /** A client that gives up on a long poll long before the request timeout it asks the engine for. */
  private CamundaClient impatientClient(Duration givesUpAfter, Duration asksToWait) {
    return CamundaClient.newClientBuilder().restAddress(URI.create(restAddress)).preferRestOverGrpc(true)
        .defaultRequestTimeoutOffset(givesUpAfter.minus(asksToWait)).build();
  }

  @Test
  void aJobForALongPollWhoseClientGaveUpIsActivatableAgainAtOnce() {
    String id = serviceProcess(uniqueId("gone"));
    try (CamundaClient impatient = impatientClient(Duration.ofMillis(500), Duration.ofSeconds(8))) {
      var abandoned = impatient.newActivateJobsCommand().jobType(id).maxJobsToActivate(1).workerName("gone")
          .timeout(Duration.ofMinutes(10)).requestTimeout(Duration.ofSeconds(8)).send();
      assertThatThrownBy(abandoned::join).as("the client gave up").isNotNull();

      start(id, Map.of());

      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1).workerName("alive")
          .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
      assertThat(jobs).as("the job, long before its 10-minute lock could run out").hasSize(1);
      assertThat(jobs.get(0).getWorker()).isEqualTo("alive");
    }
  }

  @Test
  void aLongPollAnswersBeforeTheRequestTimeoutItsClientWaits() {
    try (CamundaClient exact = impatientClient(Duration.ofSeconds(3), Duration.ofSeconds(3))) {
      var jobs = exact.newActivateJobsCommand().jobType(uniqueId("idle")).maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(3)).send().join().getJobs();

      assertThat(jobs).as("an empty answer, not a client timeout").isEmpty();
    }
  }
}
