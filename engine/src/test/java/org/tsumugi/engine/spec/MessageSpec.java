package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Messages reach the catch events that wait for them by name and correlation key, now or, when buffered, later. */
class MessageSpec extends EngineTest {
  private PinnedClock clock;

  @AfterEach
  void resetClock() {
    if (clock != null) {
      clock.reset();
    }
  }

  private PublishMessageResponse publish(String name, String correlationKey, Duration timeToLive,
      Map<String, Object> variables) {
    return client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).timeToLive(timeToLive)
        .variables(variables).send().join();
  }

  private PublishMessageResponse publish(String name, String correlationKey) {
    return publish(name, correlationKey, Duration.ZERO, Map.of());
  }

  /** Waits at a catch event for the message named like the process, keyed by the variable orderId. */
  private static BpmnModelInstance waitsForMessage(String id) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name(id + "-paid").zeebeCorrelationKeyExpression("orderId")))
        .endEvent("done").done();
  }

  private List<Long> instancesOf(String processId, ProcessInstanceState state) {
    return instancesOf(processId).stream().filter(key -> state(key) == state).toList();
  }

  @Test
  void anIntermediateCatchEventReceivesTheMessageWithItsFeelCorrelationKeyAndItsVariables() {
    String id = uniqueId("catch");
    deploy(waitsForMessage(id));
    long first = start(id, Map.of("orderId", "order-1")).getProcessInstanceKey();
    long second = start(id, Map.of("orderId", "order-2")).getProcessInstanceKey();

    publish(id + "-paid", "order-2", Duration.ZERO, Map.of("amount", 120));

    assertThat(state(first)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(state(second)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(second)).containsEntry("amount", "120");
    assertThat(elements(second)).containsSubsequence("paid", "done");
  }

  @Test
  void aNumericCorrelationKeyMatchesItsText() {
    String id = uniqueId("numeric");
    deploy(waitsForMessage(id));
    long key = start(id, Map.of("orderId", 4711)).getProcessInstanceKey();

    publish(id + "-paid", "4711");

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aReceiveTaskWaitsForItsMessage() {
    String id = uniqueId("receive");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .receiveTask("awaitResult", t -> t.message(m -> m.name(id + "-result").zeebeCorrelationKeyExpression("labId")))
        .endEvent().done());
    long key = start(id, Map.of("labId", "lab-7")).getProcessInstanceKey();
    publish(id + "-result", "lab-8");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    publish(id + "-result", "lab-7", Duration.ZERO, Map.of("potassium", 4.1));

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("potassium", "4.1");
  }

  @Test
  void anInterruptingMessageBoundaryEventCancelsTheTask() {
    String id = uniqueId("cancel");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("prepare", t -> t.zeebeJobType(id))
        .boundaryEvent("cancelled", b -> b.message(m -> m.name(id + "-cancel").zeebeCorrelationKeyExpression("orderId")))
        .endEvent("aborted").moveToActivity("prepare").endEvent("prepared").done());
    long key = start(id, Map.of("orderId", "o-1")).getProcessInstanceKey();

    publish(id + "-cancel", "o-1");

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("cancelled", "aborted").doesNotContain("prepared");
    assertThat(client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1).requestTimeout(Duration.ofMillis(200))
        .send().join().getJobs()).isEmpty();
  }

  @Test
  void aNonInterruptingMessageBoundaryEventReactsToEveryMessageWhileTheTaskRuns() {
    String id = uniqueId("update");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("treat", t -> t.zeebeJobType(id))
        .boundaryEvent("vitalsUpdated", b -> b.cancelActivity(false)
            .message(m -> m.name(id + "-vitals").zeebeCorrelationKeyExpression("caseId")))
        .endEvent("noted").moveToActivity("treat").endEvent("treated").done());
    long key = start(id, Map.of("caseId", "c-1")).getProcessInstanceKey();

    publish(id + "-vitals", "c-1");
    publish(id + "-vitals", "c-1");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key).stream().filter("noted"::equals)).hasSize(2);
    assertThat(elements(key)).contains("treated");
    publish(id + "-vitals", "c-1"); // the task is done: nothing waits any more
    assertThat(elements(key).stream().filter("noted"::equals)).hasSize(2);
  }

  @Test
  void anInterruptingMessageEventSubprocessEndsTheWorkOfItsScope() {
    String id = uniqueId("esp");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("withdrawn", s -> s.startEvent("withdrawnStart")
            .message(m -> m.name(id + "-withdraw").zeebeCorrelationKeyExpression("patientId")).endEvent("closed"))
        .startEvent().serviceTask("work", t -> t.zeebeJobType(id)).endEvent("worked").done());
    long key = start(id, Map.of("patientId", "p-1")).getProcessInstanceKey();

    publish(id + "-withdraw", "p-1", Duration.ZERO, Map.of("reason", "consent"));

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("withdrawnStart", "closed").doesNotContain("worked");
    assertThat(variables(key)).containsEntry("reason", "\"consent\"");
  }

  @Test
  void aNonInterruptingMessageEventSubprocessRunsBesideTheWork() {
    String id = uniqueId("esp-side");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("question", s -> s.startEvent("questionStart").interrupting(false)
            .message(m -> m.name(id + "-question").zeebeCorrelationKeyExpression("patientId"))
            .serviceTask("answer", t -> t.zeebeJobType(id + "-answer")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(id)).endEvent("worked").done());
    long key = start(id, Map.of("patientId", "p-2")).getProcessInstanceKey();

    publish(id + "-question", "p-2");
    client.newCompleteCommand(activateOne(id + "-answer").getKey()).send().join();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    client.newCompleteCommand(activateOne(id).getKey()).send().join();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("questionStart", "answer", "worked");
  }

  private BpmnModelInstance messageOrTimer(String id) {
    return Bpmn.createExecutableProcess(id).startEvent().eventBasedGateway("which")
        .intermediateCatchEvent("reply", e -> e.message(m -> m.name(id + "-reply").zeebeCorrelationKeyExpression("ref")))
        .endEvent("replied")
        .moveToNode("which").intermediateCatchEvent("noReply", e -> e.timerWithDuration("PT1H")).endEvent("chased")
        .done();
  }

  @Test
  void anEventBasedGatewayTakesTheMessagePathWhenTheMessageComesFirst() {
    String id = uniqueId("gw-message");
    deploy(messageOrTimer(id));
    clock = new PinnedClock(client);
    long key = start(id, Map.of("ref", "r-1")).getProcessInstanceKey();

    publish(id + "-reply", "r-1");
    clock.advance(Duration.ofHours(2));

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("reply", "replied").doesNotContain("noReply", "chased");
  }

  @Test
  void anEventBasedGatewayTakesTheTimerPathWhenTheTimerComesFirst() {
    String id = uniqueId("gw-timer");
    deploy(messageOrTimer(id));
    clock = new PinnedClock(client);
    long key = start(id, Map.of("ref", "r-2")).getProcessInstanceKey();

    clock.advance(Duration.ofHours(2));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED));
    publish(id + "-reply", "r-2");

    assertThat(elements(key)).contains("noReply", "chased").doesNotContain("reply", "replied");
  }

  @Test
  void aBufferedMessageIsReceivedByACatchEventReachedLater() {
    String id = uniqueId("buffered");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("register", t -> t.zeebeJobType(id))
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name(id + "-paid").zeebeCorrelationKeyExpression("orderId")))
        .endEvent().done());
    long key = start(id, Map.of("orderId", "o-9")).getProcessInstanceKey();

    publish(id + "-paid", "o-9", Duration.ofMinutes(10), Map.of("amount", 30));
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("amount", "30");
  }

  @Test
  void aMessageWithoutTimeToLiveThatFindsNoSubscriptionIsLost() {
    String id = uniqueId("lost");
    deploy(waitsForMessage(id));

    publish(id + "-paid", "o-1");
    long key = start(id, Map.of("orderId", "o-1")).getProcessInstanceKey();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void aBufferedMessageExpiresAfterItsTimeToLive() {
    String id = uniqueId("expired");
    deploy(waitsForMessage(id));
    clock = new PinnedClock(client);

    publish(id + "-paid", "o-1", Duration.ofMinutes(10), Map.of());
    publish(id + "-paid", "o-2", Duration.ofMinutes(10), Map.of());
    long early = start(id, Map.of("orderId", "o-1")).getProcessInstanceKey();
    clock.advance(Duration.ofMinutes(11));
    long late = start(id, Map.of("orderId", "o-2")).getProcessInstanceKey();

    assertThat(state(early)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(state(late)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void aProcessReceivesAMessageOnceEvenWhenSeveralOfItsInstancesWait() {
    String id = uniqueId("once");
    deploy(waitsForMessage(id));
    long first = start(id, Map.of("orderId", "shared")).getProcessInstanceKey();
    long second = start(id, Map.of("orderId", "shared")).getProcessInstanceKey();

    publish(id + "-paid", "shared", Duration.ofMinutes(10), Map.of());
    long third = start(id, Map.of("orderId", "shared")).getProcessInstanceKey();

    assertThat(state(first)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(state(second)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(state(third)).as("the buffered message went to this process already").isEqualTo(ProcessInstanceState.ACTIVE);
    publish(id + "-paid", "shared");
    assertThat(state(second)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aSecondMessageWithTheSameIdIsRejectedWhileTheFirstIsBuffered() {
    String id = uniqueId("dedup");
    deploy(waitsForMessage(id));
    clock = new PinnedClock(client);
    client.newPublishMessageCommand().messageName(id + "-paid").correlationKey("o-1").messageId("payment-77")
        .timeToLive(Duration.ofMinutes(5)).send().join();

    assertThatThrownBy(() -> client.newPublishMessageCommand().messageName(id + "-paid").correlationKey("o-1")
        .messageId("payment-77").timeToLive(Duration.ofMinutes(5)).send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(409);
          assertThat(problem.details().getDetail()).contains("payment-77");
        });
    client.newPublishMessageCommand().messageName(id + "-paid").correlationKey("o-2").messageId("payment-77")
        .timeToLive(Duration.ofMinutes(5)).send().join(); // another key: another message

    clock.advance(Duration.ofMinutes(6));
    client.newPublishMessageCommand().messageName(id + "-paid").correlationKey("o-1").messageId("payment-77")
        .timeToLive(Duration.ofMinutes(5)).send().join(); // the first expired
    long key = start(id, Map.of("orderId", "o-1")).getProcessInstanceKey();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void correlateAnswersWithTheInstanceItReached() {
    String id = uniqueId("correlate");
    deploy(waitsForMessage(id));
    long key = start(id, Map.of("orderId", "o-5")).getProcessInstanceKey();

    long reached = client.newCorrelateMessageCommand().messageName(id + "-paid").correlationKey("o-5")
        .variables(Map.of("amount", 5)).send().join().getProcessInstanceKey();

    assertThat(reached).isEqualTo(key);
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(variables(key)).containsEntry("amount", "5");
  }

  @Test
  void correlateWithoutASubscriptionIsNotFoundAndNotBuffered() {
    String id = uniqueId("correlate-miss");
    deploy(waitsForMessage(id));

    assertThatThrownBy(() -> client.newCorrelateMessageCommand().messageName(id + "-paid").correlationKey("o-6")
        .send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(404);
          assertThat(problem.details().getDetail()).contains(id + "-paid").contains("no subscription");
        });
    long key = start(id, Map.of("orderId", "o-6")).getProcessInstanceKey();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void aMessageStartEventStartsAnInstanceWithTheMessageVariables() {
    String id = uniqueId("referral");
    deploy(Bpmn.createExecutableProcess(id).startEvent("referred").message(id + "-referral")
        .serviceTask("triage", t -> t.zeebeJobType(id)).endEvent().done());

    long key = client.newCorrelateMessageCommand().messageName(id + "-referral").withoutCorrelationKey()
        .variables(Map.of("ward", "3A")).send().join().getProcessInstanceKey();

    assertThat(activateOne(id).getProcessInstanceKey()).isEqualTo(key);
    assertThat(variables(key)).containsEntry("ward", "\"3A\"");
    assertThat(elements(key)).contains("referred");
  }

  @Test
  void aMessageStartEventKeepsOneActiveInstancePerCorrelationKey() {
    String id = uniqueId("admission");
    deploy(Bpmn.createExecutableProcess(id).startEvent().message(id + "-admit")
        .serviceTask("admit", t -> t.zeebeJobType(id)).endEvent().done());

    publish(id + "-admit", "patient-1", Duration.ofMinutes(10), Map.of("n", 1));
    publish(id + "-admit", "patient-1", Duration.ofMinutes(10), Map.of("n", 2));
    publish(id + "-admit", "patient-2", Duration.ofMinutes(10), Map.of("n", 3));
    assertThat(instancesOf(id, ProcessInstanceState.ACTIVE)).hasSize(2);

    var jobs = activate(id, 5);
    assertThat(jobs).hasSize(2);
    var firstOfPatient1 = jobs.stream().filter(job -> job.getVariablesAsMap().get("n").equals(1)).findFirst()
        .orElseThrow();
    client.newCompleteCommand(firstOfPatient1.getKey()).send().join();

    var next = activateOne(id);
    assertThat(next.getVariablesAsMap()).containsEntry("n", 2);
    assertThat(instancesOf(id, ProcessInstanceState.ACTIVE)).hasSize(2);
  }

  @Test
  void aMessageStartEventWithoutCorrelationKeyStartsAnInstanceEachTime() {
    String id = uniqueId("walk-in");
    deploy(Bpmn.createExecutableProcess(id).startEvent().message(id + "-arrived")
        .serviceTask("see", t -> t.zeebeJobType(id)).endEvent().done());

    client.newPublishMessageCommand().messageName(id + "-arrived").withoutCorrelationKey().send().join();
    client.newPublishMessageCommand().messageName(id + "-arrived").withoutCorrelationKey().send().join();

    assertThat(instancesOf(id, ProcessInstanceState.ACTIVE)).hasSize(2);
  }

  @Test
  void aMessagePublishedBeforeTheProcessWasDeployedDoesNotStartIt() {
    String id = uniqueId("too-early");
    publish(id + "-go", "k", Duration.ofMinutes(10), Map.of());
    deploy(Bpmn.createExecutableProcess(id).startEvent().message(id + "-go").endEvent().done());

    assertThat(instancesOf(id, ProcessInstanceState.COMPLETED)).isEmpty();
  }

  @Test
  void aMessageWithAHugePayloadIsRefusedNamingTheLimitAndChangesNothing() {
    String id = uniqueId("huge");
    deploy(waitsForMessage(id));
    long key = start(id, Map.of("orderId", "o-1")).getProcessInstanceKey();

    assertThatThrownBy(() -> publish(id + "-paid", "o-1", Duration.ofMinutes(5), Map.of("scan", "x".repeat(1_200_000))))
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(413);
          assertThat(problem.details().getDetail()).contains("1048576").contains("max-message-bytes");
        });
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    publish(id + "-paid", "o-1");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void openMessageSubscriptionsCanBeSearchedUntilTheyAreCorrelated() {
    String id = uniqueId("search");
    deploy(waitsForMessage(id));
    long key = start(id, Map.of("orderId", "o-3")).getProcessInstanceKey();

    var open = client.newMessageSubscriptionSearchRequest().filter(f -> f.processInstanceKey(key)).send().join()
        .items();
    assertThat(open).hasSize(1);
    assertThat(open.get(0).getMessageName()).isEqualTo(id + "-paid");
    assertThat(open.get(0).getCorrelationKey()).isEqualTo("o-3");
    assertThat(open.get(0).getElementId()).isEqualTo("paid");
    assertThat(client.newMessageSubscriptionSearchRequest().filter(f -> f.messageName(id + "-paid").correlationKey("o-4"))
        .send().join().items()).isEmpty();

    publish(id + "-paid", "o-3");
    assertThat(client.newMessageSubscriptionSearchRequest().filter(f -> f.processInstanceKey(key)).send().join()
        .items()).isEmpty();
  }

  @Test
  void aCorrelationKeyTooLongToStoreIsAnIncidentThatCanBeFixedAndRetried() {
    String id = uniqueId("long-key");
    deploy(waitsForMessage(id));
    long key = start(id, Map.of("orderId", "x".repeat(2000))).getProcessInstanceKey();

    var incidents = incidents(key);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorMessage()).contains("correlation key").contains("paid").contains("1024");

    client.newSetVariablesCommand(key).variables(Map.of("orderId", "o-7")).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    publish(id + "-paid", "o-7");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aMessageWithoutANameIsRefused() {
    assertThatThrownBy(() -> client.newPublishMessageCommand().messageName(" ").correlationKey("k").send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(400);
          assertThat(problem.details().getDetail()).contains("name");
        });
  }
}
