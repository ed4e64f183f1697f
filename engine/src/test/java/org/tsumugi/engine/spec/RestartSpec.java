package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.engine.EngineTestApplication;
import org.tsumugi.engine.TestDatabases;

/** An engine stopped with work in flight picks it up again on the same database, each job once. */
class RestartSpec {
  private static final int INSTANCES = 20;

  @Test
  void jobsActivatedButNotCompletedFinishExactlyOnceAfterARestart() {
    Map<String, String> database = TestDatabases.durable("restart");
    List<Long> instances = new ArrayList<>();
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("restart").startEvent()
          .serviceTask("fetch", t -> t.zeebeJobType("restart.fetch"))
          .serviceTask("enter", t -> t.zeebeJobType("restart.enter")).endEvent().done(), "restart.bpmn").send().join();
      for (int i = 0; i < INSTANCES; i++) {
        instances.add(client.newCreateInstanceCommand().bpmnProcessId("restart").latestVersion()
            .variables(Map.of("n", i)).send().join().getProcessInstanceKey());
      }
      List<ActivatedJob> inFlight = client.newActivateJobsCommand().jobType("restart.fetch")
          .maxJobsToActivate(INSTANCES).timeout(Duration.ofSeconds(2)).send().join().getJobs();
      assertThat(inFlight).hasSize(INSTANCES);
      for (ActivatedJob job : inFlight.subList(0, 5)) {
        client.newCompleteCommand(job.getKey()).send().join();
      }
    } // stopped: 15 jobs activated but never completed, 5 instances waiting at the second task

    Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      List<JobWorker> workers = List.of("restart.fetch", "restart.enter").stream()
          .map(type -> client.newWorker().jobType(type).handler((jobClient, job) -> {
            completions.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
            jobClient.newCompleteCommand(job.getKey()).send().join();
          }).open()).toList();
      awaitAllCompleted(client, instances);
      workers.forEach(JobWorker::close);
    }

    assertThat(completions).hasSize(15 + INSTANCES);
    assertThat(completions.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  @Test
  void aParallelJoinRemembersTheBranchesThatArrivedBeforeARestart() {
    Map<String, String> database = TestDatabases.durable("join");
    long instance;
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("join").startEvent()
          .parallelGateway("fork").serviceTask("labs", t -> t.zeebeJobType("join.labs")).parallelGateway("merge")
          .endEvent().moveToNode("fork").serviceTask("imaging", t -> t.zeebeJobType("join.imaging"))
          .connectTo("merge").done(), "join.bpmn").send().join();
      instance = client.newCreateInstanceCommand().bpmnProcessId("join").latestVersion().send().join()
          .getProcessInstanceKey();
      ActivatedJob labs = client.newActivateJobsCommand().jobType("join.labs").maxJobsToActivate(1).send().join()
          .getJobs().get(0);
      client.newCompleteCommand(labs.getKey()).send().join();
    }

    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      ActivatedJob imaging = client.newActivateJobsCommand().jobType("join.imaging").maxJobsToActivate(1).send()
          .join().getJobs().get(0);
      client.newCompleteCommand(imaging.getKey()).send().join();

      assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
    }
  }

  @Test
  void timersDueWhileTheEngineWasDownFireOnceItIsBack() {
    Map<String, String> database = TestDatabases.durable("timers");
    Instant start = Instant.now();
    long waiting;
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newPinClockCommand().time(start).send().join();
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("waits").startEvent()
          .intermediateCatchEvent("oneHour", e -> e.timerWithDuration("PT1H")).endEvent().done(), "waits.bpmn")
          .addProcessModel(Bpmn.createExecutableProcess("hourly").startEvent().timerWithCycle("R/PT1H").endEvent()
              .done(), "hourly.bpmn").send().join();
      waiting = client.newCreateInstanceCommand().bpmnProcessId("waits").latestVersion().send().join()
          .getProcessInstanceKey();
    }

    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      client.newPinClockCommand().time(start.plus(Duration.ofHours(5))).send().join(); // five hours of downtime

      awaitUntil(() -> client.newProcessInstanceGetRequest(waiting).send().join().getState()
          == ProcessInstanceState.COMPLETED, "the waiting instance completes");
      awaitUntil(() -> client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("hourly")).send()
          .join().page().totalItems() == 1, "the hourly cycle starts one instance");
      client.newPinClockCommand().time(start.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(30))).send().join();
      assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("hourly")).send().join()
          .page().totalItems()).as("missed firings are not made up one by one").isEqualTo(1);
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 30 s: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void openUserTasksAndTheirFormsSurviveARestart() {
    Map<String, String> database = TestDatabases.durable("tasks");
    long instance;
    long taskKey;
    long formKey;
    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      formKey = client.newDeployResourceCommand()
          .addResourceString("{\"id\": \"review\", \"components\": []}", java.nio.charset.StandardCharsets.UTF_8,
              "review.form")
          .addProcessModel(Bpmn.createExecutableProcess("tasks").startEvent().userTask("review", t -> t.zeebeUserTask()
              .zeebeFormId("review").zeebeCandidateGroups("nurses").zeebeDueDate("2025-04-01T17:00:00+09:00"))
              .userTask("sign", t -> t.zeebeUserTask().zeebeFormId("review")).endEvent().done(), "tasks.bpmn")
          .send().join().getForm().get(0).getFormKey();
      instance = client.newCreateInstanceCommand().bpmnProcessId("tasks").latestVersion().send().join()
          .getProcessInstanceKey();
      taskKey = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items()
          .get(0).getUserTaskKey();
      client.newAssignUserTaskCommand(taskKey).assignee("ns.yamada").send().join();
    }

    try (ConfigurableApplicationContext engine = startEngine(database); CamundaClient client = client(engine)) {
      var task = client.newUserTaskGetRequest(taskKey).send().join();
      assertThat(task.getAssignee()).isEqualTo("ns.yamada");
      assertThat(task.getCandidateGroups()).containsExactly("nurses");
      assertThat(client.newUserTaskSearchRequest().filter(f -> f.candidateGroup("nurses")).send().join().items())
          .hasSize(1);

      client.newUpdateUserTaskCommand(taskKey).priority(80).send().join();
      client.newCompleteUserTaskCommand(taskKey).variables(Map.of("reviewed", true)).send().join();
      var sign = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance).elementId("sign"))
          .send().join().items().get(0);
      assertThat(sign.getFormKey()).as("the form deployed before the restart").isEqualTo(formKey);
      client.newCompleteUserTaskCommand(sign.getUserTaskKey()).send().join();

      assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
    }
  }

  private static void awaitAllCompleted(CamundaClient client, List<Long> instances) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      long completed = client.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId("restart").state(ProcessInstanceState.COMPLETED)).send().join()
          .page().totalItems();
      if (completed == instances.size()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("not every instance completed within a minute after the restart");
  }

  static ConfigurableApplicationContext startEngine(Map<String, String> database) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.client.enabled=false",
        "--tsumugi.engine.clock-control=true"));
    database.forEach((name, value) -> args.add("--" + name + "=" + value));
    return new SpringApplicationBuilder(EngineTestApplication.class).run(args.toArray(String[]::new));
  }

  static CamundaClient client(ConfigurableApplicationContext engine) {
    String port = engine.getEnvironment().getProperty("local.server.port");
    return CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).build();
  }
}
