package org.tsumugi.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.tsumugi.server.TsumugiApplication;

/**
 * The server is killed with SIGKILL (kill -9) while robots hold jobs; started again on the same
 * database, it loses no instance and hands out no completed job twice.
 */
class CrashRecoveryTest {
  private static final String ADMIN_PASSWORD = "crash-recovery-admin-password";
  private static final int INSTANCES = 30;
  private static final int COMPLETED_BEFORE_CRASH = 10;

  @Test
  void nothingAcknowledgedIsLostAndNoJobRunsTwiceAfterKill9() throws Exception {
    Path home = Files.createDirectories(Path.of("target", "crash-" + System.nanoTime()).toAbsolutePath());
    List<Long> instances = new ArrayList<>();
    Set<Long> completedBeforeCrash = ConcurrentHashMap.newKeySet();

    Process server = startServer(home, "first");
    try (CamundaClient client = client(server, home)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("crash").startEvent()
          .serviceTask("enter", t -> t.zeebeJobType("crash.enter")).endEvent().done(), "crash.bpmn").send().join();
      for (int i = 0; i < INSTANCES; i++) {
        instances.add(client.newCreateInstanceCommand().bpmnProcessId("crash").latestVersion().send().join()
            .getProcessInstanceKey());
      }
      List<ActivatedJob> held = client.newActivateJobsCommand().jobType("crash.enter").maxJobsToActivate(INSTANCES)
          .timeout(Duration.ofSeconds(2)).send().join().getJobs();
      assertThat(held).hasSize(INSTANCES);
      for (ActivatedJob job : held.subList(0, COMPLETED_BEFORE_CRASH)) {
        client.newCompleteCommand(job.getKey()).send().join();
        completedBeforeCrash.add(job.getKey());
      }
    } finally {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    Map<Long, AtomicInteger> completedAfterRestart = new ConcurrentHashMap<>();
    Process restarted = startServer(home, "second");
    try (CamundaClient client = client(restarted, home)) {
      JobWorker worker = client.newWorker().jobType("crash.enter").handler((jobs, job) -> {
        completedAfterRestart.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
        jobs.newCompleteCommand(job.getKey()).send().join();
      }).open();
      await(() -> client.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId("crash").state(ProcessInstanceState.COMPLETED)).send().join()
          .page().totalItems() == INSTANCES, "every instance completes after the restart");
      worker.close();
      assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("crash")).send().join()
          .items()).extracting(p -> p.getProcessInstanceKey()).containsExactlyInAnyOrderElementsOf(instances);
    } finally {
      restarted.destroy();
      restarted.waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(completedAfterRestart).hasSize(INSTANCES - COMPLETED_BEFORE_CRASH);
    assertThat(completedAfterRestart.keySet()).doesNotContainAnyElementsOf(completedBeforeCrash);
    assertThat(completedAfterRestart.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  private static Process startServer(Path home, String run) throws IOException {
    int port = freePort();
    Files.createDirectories(home.resolve("bpmn"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
        TsumugiApplication.class.getName(), "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db") + ";WRITE_DELAY=0",
        "--tsumugi.deploy.folders=" + home.resolve("bpmn"), "--tsumugi.security.initial-admin-password=" + ADMIN_PASSWORD)
        .redirectErrorStream(true).redirectOutput(home.resolve(run + ".log").toFile()).start();
    Files.writeString(home.resolve(run + ".port"), Integer.toString(port));
    return process;
  }

  private static CamundaClient client(Process server, Path home) throws IOException {
    String port = Files.readString(home.resolve((Files.exists(home.resolve("second.port")) ? "second" : "first")
        + ".port"));
    CamundaClient client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("admin").password(ADMIN_PASSWORD).applyEnvironmentOverrides(false).build()).build();
    await(() -> {
      if (!server.isAlive()) {
        throw new AssertionError("the server process died; see " + home);
      }
      try {
        client.newTopologyRequest().send().join();
        return true;
      } catch (RuntimeException notYet) {
        return false;
      }
    }, "the server answers");
    return client;
  }

  private static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting until " + what);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
