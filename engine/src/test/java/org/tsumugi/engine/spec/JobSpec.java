package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** The job life cycle a worker sees: activation, completion, failure, errors, timeouts. */
class JobSpec extends EngineTest {

  private String serviceProcess(String id) {
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("task", t -> t.zeebeJobType(id).zeebeJobRetries("3"))
        .endEvent().done());
    return id;
  }

  @Test
  void aWaitingActivationIsWokenByANewJob() {
    String id = serviceProcess(uniqueId("longpoll"));
    CompletableFuture<ActivateJobsResponse> waiting = client.newActivateJobsCommand().jobType(id)
        .maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(60)).send().toCompletableFuture();
    assertThat(waiting).isNotDone();

    start(id, Map.of());

    assertThat(waiting.join().getJobs()).hasSize(1);
  }

  @Test
  void anEmptyActivationAnswersNoJobsAfterItsRequestTimeout() {
    var jobs = client.newActivateJobsCommand().jobType(uniqueId("nothing")).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs();
    assertThat(jobs).isEmpty();
  }

  @Test
  void anActivatedJobIsLockedUntilItsTimeoutThenGoesToTheNextWorker() {
    String id = serviceProcess(uniqueId("lock"));
    start(id, Map.of());
    ActivatedJob first = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1).workerName("robot-1")
        .timeout(Duration.ofMillis(300)).send().join().getJobs().get(0);
    assertThat(first.getWorker()).isEqualTo("robot-1");

    ActivatedJob second = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1).workerName("robot-2")
        .requestTimeout(Duration.ofSeconds(20)).send().join().getJobs().get(0);

    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getWorker()).isEqualTo("robot-2");
  }

  @Test
  void aFailedJobWithRetriesLeftIsActivatedAgainWithTheNewRetries() {
    String id = serviceProcess(uniqueId("retry"));
    start(id, Map.of());
    ActivatedJob job = activateOne(id);

    client.newFailCommand(job.getKey()).retries(2).errorMessage("EMR did not answer").send().join();

    ActivatedJob again = activateOne(id);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
  }

  @Test
  void aRetryBackOffDelaysTheNextActivation() {
    String id = serviceProcess(uniqueId("backoff"));
    start(id, Map.of());
    ActivatedJob job = activateOne(id);

    client.newFailCommand(job.getKey()).retries(1).retryBackoff(Duration.ofMillis(500)).send().join();

    assertThat(client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(50)).send().join().getJobs()).as("during the back-off").isEmpty();
    assertThat(activateOne(id).getKey()).as("after the back-off").isEqualTo(job.getKey());
  }

  @Test
  void aJobOutOfRetriesRaisesAnIncidentThatResolvesOnceRetriesAreRaised() {
    String id = serviceProcess(uniqueId("incident"));
    long key = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(id);

    client.newFailCommand(job.getKey()).retries(0).errorMessage("ログインできません").send().join();

    var incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("ログインできません");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(instance(key).getHasIncident()).isTrue();

    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(instance(key).getHasIncident()).isFalse();
  }

  @Test
  void resolvingWithoutRaisingRetriesRaisesTheIncidentAgain() {
    String id = serviceProcess(uniqueId("again"));
    long key = start(id, Map.of()).getProcessInstanceKey();
    client.newFailCommand(activateOne(id).getKey()).retries(0).send().join();
    var first = incidents(key).get(0);

    client.newResolveIncidentCommand(first.getIncidentKey()).send().join();

    assertThat(incidents(key)).hasSize(2).filteredOn(i -> i.getState().name().equals("ACTIVE")).hasSize(1);
  }

  @Test
  void theTimeoutOfAnActivatedJobCanBeExtended() {
    String id = serviceProcess(uniqueId("extend"));
    start(id, Map.of());
    ActivatedJob job = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1)
        .timeout(Duration.ofMillis(400)).send().join().getJobs().get(0);

    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(5)).send().join();

    assertThat(client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs()).as("still locked").isEmpty();
    client.newCompleteCommand(job.getKey()).send().join();
  }

  @Test
  void aBpmnErrorIsCaughtByAMatchingBoundaryEventOnTheTask() {
    String id = uniqueId("caught");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("search", t -> t.zeebeJobType(id))
        .boundaryEvent("notFound", b -> b.error("PATIENT_NOT_FOUND")).endEvent("askClerk")
        .moveToActivity("search").endEvent("found").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("PATIENT_NOT_FOUND").errorMessage("該当なし")
        .variables(Map.of("searchedName", "佐藤")).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("notFound", "askClerk").doesNotContain("found");
    assertThat(variables(key)).containsEntry("searchedName", "\"佐藤\"");
  }

  @Test
  void aBpmnErrorIsCaughtByACatchAllBoundaryOnTheEnclosingSubprocess() {
    String id = uniqueId("outer");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("entry").embeddedSubProcess().startEvent()
        .serviceTask("type", t -> t.zeebeJobType(id)).endEvent().subProcessDone()
        .boundaryEvent("anyError", b -> b.error()).endEvent("fallback")
        .moveToActivity("entry").endEvent("done").done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("SCREEN_CHANGED").send().join();

    assertThat(elements(key)).contains("anyError", "fallback").doesNotContain("done");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aBoundaryNamingTheErrorCodeWinsOverACatchAllBesideItWhateverTheirOrder() {
    String id = uniqueId("exact-first");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("search", t -> t.zeebeJobType(id))
        .boundaryEvent("anyError", b -> b.error()).endEvent("fallback")
        .moveToActivity("search").boundaryEvent("notFound", b -> b.error("PATIENT_NOT_FOUND")).endEvent("askClerk")
        .moveToActivity("search").endEvent("found").done());
    long specific = start(id, Map.of()).getProcessInstanceKey();
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("PATIENT_NOT_FOUND").send().join();
    long other = start(id, Map.of()).getProcessInstanceKey();
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("SCREEN_CHANGED").send().join();

    assertThat(elements(specific)).contains("notFound", "askClerk").doesNotContain("anyError", "fallback");
    assertThat(elements(other)).contains("anyError", "fallback").doesNotContain("notFound", "askClerk");
  }

  @Test
  void anUncaughtBpmnErrorBecomesAnIncidentNamingTheCode() {
    String id = serviceProcess(uniqueId("uncaught"));
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("CLAIM_REJECTED").send().join();

    var incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getErrorMessage()).contains("CLAIM_REJECTED");
  }

  @Test
  void completingAnUnknownOrFinishedJobIsRejected() {
    String id = serviceProcess(uniqueId("done"));
    start(id, Map.of());
    ActivatedJob job = activateOne(id);
    client.newCompleteCommand(job.getKey()).send().join();

    assertThatThrownBy(() -> client.newCompleteCommand(job.getKey()).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(404);
          assertThat(e.details().getDetail()).contains(String.valueOf(job.getKey()));
        });
    assertThatThrownBy(() -> client.newCompleteCommand(123L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void negativeRetriesAreRejectedAndChangeNothing() {
    String id = serviceProcess(uniqueId("negative"));
    start(id, Map.of());
    ActivatedJob job = activateOne(id);

    assertThatThrownBy(() -> client.newFailCommand(job.getKey()).retries(-1).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.details().getDetail()).contains("retries");
        });
    client.newCompleteCommand(job.getKey()).send().join();
  }
}
