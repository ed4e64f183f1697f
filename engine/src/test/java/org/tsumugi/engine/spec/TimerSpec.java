package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Timers wait on the engine clock, which tests move instead of sleeping. */
class TimerSpec extends EngineTest {

  @AfterEach
  void resetClock() {
    client.newResetClockCommand().send().join();
  }

  private Instant pinnedNow;

  /** Pins the clock at now, then moves it forward step by step. */
  private void advance(Duration by) {
    if (pinnedNow == null) {
      pinnedNow = Instant.now();
    }
    pinnedNow = pinnedNow.plus(by);
    client.newPinClockCommand().time(pinnedNow).send().join();
  }

  private void pinNow() {
    advance(Duration.ZERO);
  }

  private void awaitState(long key, ProcessInstanceState expected) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(state(key)).isEqualTo(expected));
  }

  @Test
  void anIntermediateTimerWaitsForItsDuration() {
    String id = uniqueId("wait");
    deploy(Bpmn.createExecutableProcess(id).startEvent().intermediateCatchEvent("oneHour", e -> e.timerWithDuration("PT1H"))
        .endEvent("end").done());
    pinNow();
    long key = start(id, Map.of()).getProcessInstanceKey();

    advance(Duration.ofMinutes(59));
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    advance(Duration.ofMinutes(2));
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).containsSubsequence("oneHour", "end");
  }

  @Test
  void aTimerTakesItsDurationOrDateFromFeel() {
    String id = uniqueId("feel-timer");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("recheck", e -> e.timerWithDurationExpression("duration(recheckAfter)"))
        .intermediateCatchEvent("appointment", e -> e.timerWithDateExpression("date and time(appointmentAt)"))
        .endEvent().done());
    pinNow();
    Instant appointment = pinnedNow.plus(Duration.ofDays(2));
    long key = start(id, Map.of("recheckAfter", "P1D", "appointmentAt", appointment.toString())).getProcessInstanceKey();

    advance(Duration.ofHours(25));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(elements(key)).contains("appointment"));
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    advance(Duration.ofHours(24));
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void anInterruptingBoundaryTimerCancelsTheTaskAndTakesItsOwnPath() {
    String id = uniqueId("deadline");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("enterOrder", t -> t.zeebeJobType(id))
        .boundaryEvent("tooLate", b -> b.timerWithDuration("PT30M")).endEvent("escalated")
        .moveToActivity("enterOrder").endEvent("entered").done());
    pinNow();
    long key = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(id);

    advance(Duration.ofMinutes(31));
    awaitState(key, ProcessInstanceState.COMPLETED);

    assertThat(elements(key)).contains("tooLate", "escalated").doesNotContain("entered");
    assertThatThrownBy(() -> client.newCompleteCommand(job.getKey()).send().join())
        .isInstanceOf(ProblemException.class).hasMessageContaining("404");
  }

  @Test
  void aNonInterruptingCycleRemindsWhileTheTaskWaitsAndStopsAfterItsRepetitions() {
    String id = uniqueId("remind");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("review", t -> t.zeebeJobType(id))
        .boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithCycle("R2/PT10M"))
        .serviceTask("sendReminder", t -> t.zeebeJobType(id + "-remind")).endEvent()
        .moveToActivity("review").endEvent("done").done());
    pinNow();
    long key = start(id, Map.of()).getProcessInstanceKey();

    advance(Duration.ofMinutes(11));
    client.newCompleteCommand(activateOne(id + "-remind").getKey()).send().join();
    advance(Duration.ofMinutes(10));
    client.newCompleteCommand(activateOne(id + "-remind").getKey()).send().join();
    advance(Duration.ofMinutes(30));
    assertThat(client.newActivateJobsCommand().jobType(id + "-remind").maxJobsToActivate(5)
        .requestTimeout(Duration.ofMillis(500)).send().join().getJobs()).isEmpty();

    client.newCompleteCommand(activateOne(id).getKey()).send().join();
    assertThat(elements(key)).contains("done");
    assertThat(elements(key).stream().filter("reminder"::equals)).hasSize(2);
  }

  @Test
  void aTimerStartEventStartsAnInstanceEachCycle() {
    String id = uniqueId("nightly");
    pinNow();
    deploy(Bpmn.createExecutableProcess(id).startEvent("everyHour").timerWithCycle("R/PT1H")
        .serviceTask("check", t -> t.zeebeJobType(id)).endEvent().done());

    advance(Duration.ofMinutes(61));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(instancesOf(id)).hasSize(1));
    advance(Duration.ofMinutes(60));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(instancesOf(id)).hasSize(2));
    assertThat(activate(id, 5)).hasSize(2);
  }

  @Test
  void aCronCycleFiresAtItsTimeOfDay() {
    String id = uniqueId("cron");
    pinNow();
    deploy(Bpmn.createExecutableProcess(id).startEvent().timerWithCycle("0 30 2 * * *")
        .endEvent().done());

    advance(Duration.ofHours(25)); // a 02:30 passes, whatever the time now
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(instancesOf(id)).hasSize(1));
  }

  @Test
  void anEndlessCycleThatMissedManyFiringsCatchesUpOnceNotInAStorm() {
    String id = uniqueId("storm");
    pinNow();
    deploy(Bpmn.createExecutableProcess(id).startEvent().timerWithCycle("R/PT1M").endEvent().done());

    advance(Duration.ofHours(10)); // 600 firings missed, as after a long downtime
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(instancesOf(id)).hasSize(1));
    advance(Duration.ofSeconds(30));
    assertThat(instancesOf(id)).hasSize(1);
    advance(Duration.ofSeconds(31));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(instancesOf(id)).hasSize(2));
  }

  @Test
  void aNewVersionReplacesTheTimerStartEventOfTheOldOne() {
    String id = uniqueId("replaced");
    pinNow();
    deploy(Bpmn.createExecutableProcess(id).startEvent().timerWithCycle("R/PT1H").endEvent().done());
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent("v2").done());

    advance(Duration.ofHours(2));
    assertThat(instancesOf(id)).isEmpty();
  }

  @Test
  void aProcessWithOnlyATimerStartCannotBeStartedByHand() {
    String id = uniqueId("timer-only");
    deploy(Bpmn.createExecutableProcess(id).startEvent().timerWithCycle("R/P1D").endEvent().done());

    assertThatThrownBy(() -> start(id, Map.of())).isInstanceOf(ProblemException.class)
        .hasMessageContaining("no none start event");
  }

  @Test
  void aTimerThatDoesNotParseIsRejectedAtDeploymentNamingTheElement() {
    String id = uniqueId("bad-timer");
    assertThatThrownBy(() -> deploy(Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("later", e -> e.timerWithDuration("one hour")).endEvent().done()))
        .isInstanceOf(ProblemException.class).hasMessageContaining("later").hasMessageContaining("one hour");
  }

  @Test
  void aFeelTimerThatGivesNoDurationIsAnIncidentThatCanBeFixedAndRetried() {
    String id = uniqueId("incident-timer");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("later", e -> e.timerWithDurationExpression("waitFor")).endEvent().done());
    pinNow();
    long key = start(id, Map.of("waitFor", "soon")).getProcessInstanceKey();

    List<Incident> incidents = incidents(key);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorMessage()).contains("later").contains("soon");

    client.newSetVariablesCommand(key).variables(Map.of("waitFor", "PT5M")).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    advance(Duration.ofMinutes(6));
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void anEventBasedGatewayTakesThePathOfTheFirstTimer() {
    String id = uniqueId("race");
    deploy(Bpmn.createExecutableProcess(id).startEvent().eventBasedGateway("which")
        .intermediateCatchEvent("short", e -> e.timerWithDuration("PT5M")).endEvent("shortEnd")
        .moveToNode("which").intermediateCatchEvent("long", e -> e.timerWithDuration("PT1H")).endEvent("longEnd")
        .done());
    pinNow();
    long key = start(id, Map.of()).getProcessInstanceKey();

    advance(Duration.ofHours(2));
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("which", "short", "shortEnd").doesNotContain("long", "longEnd");
  }

  @Test
  void anInterruptingTimerEventSubprocessEndsTheWorkOfItsScope() {
    String id = uniqueId("esp");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("timeout", s -> s.startEvent("timeoutStart").timerWithDuration("PT2H")
            .serviceTask("notifyWard", t -> t.zeebeJobType(id + "-notify")).endEvent("timedOut"))
        .startEvent().serviceTask("work", t -> t.zeebeJobType(id)).endEvent("worked").done());
    pinNow();
    long key = start(id, Map.of()).getProcessInstanceKey();
    activateOne(id);

    advance(Duration.ofHours(3));
    client.newCompleteCommand(activateOne(id + "-notify").getKey()).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("timeout", "timeoutStart", "timedOut").doesNotContain("worked");
  }

  @Test
  void aNonInterruptingTimerEventSubprocessRunsBesideTheWork() {
    String id = uniqueId("esp-side");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("nudge", s -> s.startEvent("nudgeStart").interrupting(false).timerWithDuration("PT1H")
            .serviceTask("sendNudge", t -> t.zeebeJobType(id + "-nudge")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(id)).endEvent("worked").done());
    pinNow();
    long key = start(id, Map.of()).getProcessInstanceKey();

    advance(Duration.ofMinutes(61));
    client.newCompleteCommand(activateOne(id + "-nudge").getKey()).send().join();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    client.newCompleteCommand(activateOne(id).getKey()).send().join();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elements(key)).contains("nudgeStart", "sendNudge", "worked");
  }

  @Test
  void theClockCanBePinnedAndReset() {
    Instant past = Instant.parse("2020-01-01T00:00:00Z");
    client.newPinClockCommand().time(past).send().join();
    String id = uniqueId("clock");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();
    assertThat(instance(key).getStartDate().toInstant()).isEqualTo(past);

    client.newResetClockCommand().send().join();
    long later = start(id, Map.of()).getProcessInstanceKey();
    assertThat(instance(later).getStartDate().toInstant()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
