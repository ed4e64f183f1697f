package org.tsumugi.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded engine on one database, drives it over HTTP with the official Java client and
 * its job workers, and prints one Markdown row: saturated throughput and start-to-end latency, then
 * latency at a fixed 100 instances per second. Next to the throughput it prints the CPU the whole process
 * (engine and client, and the PostgreSQL server when it runs on that) spent per instance and how busy the
 * engine's writer thread was: on a shared machine throughput follows the load of others, CPU per instance
 * much less.
 *
 * <p>Arguments: database (h2mem | h2file | postgres), process (one-task | three-tasks), worker
 * threads, instances measured, warm-up instances, and optionally a label for the row (e.g. which engine build
 * ran).
 */
public final class EngineBenchmark {
  private static final int MAX_IN_FLIGHT = 400;
  private static final int RATE_PER_SECOND = 100;
  private static final int RATE_SECONDS = 10;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Engine {}

  public static void main(String[] args) throws Exception {
    String database = args[0];
    String process = args[1];
    int threads = Integer.parseInt(args[2]);
    int instances = Integer.parseInt(args[3]);
    int tasks = process.equals("three-tasks") ? 3 : 1;
    int warmUpInstances = Integer.parseInt(args[4]);
    String row = args.length > 5 ? database + " " + args[5] : database;

    EmbeddedPostgres postgres = null;
    List<String> engineArgs = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
        "--spring.main.banner-mode=off"));
    switch (database) {
      case "h2mem" -> engineArgs.add("--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
      case "h2file" -> engineArgs.add("--spring.datasource.url=jdbc:h2:file:"
          + Files.createTempDirectory("tsumugi-bench").resolve("db") + ";WRITE_DELAY=0");
      case "postgres" -> {
        postgres = EmbeddedPostgres.builder().start();
        engineArgs.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
        engineArgs.add("--spring.datasource.username=postgres");
      }
      default -> throw new IllegalArgumentException("unknown database " + database);
    }
    try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(Engine.class)
        .run(engineArgs.toArray(String[]::new))) {
      int port = Integer.parseInt(engine.getEnvironment().getProperty("local.server.port"));
      try (CamundaClient client = CamundaClient.newClientBuilder()
          .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true)
          .numJobWorkerExecutionThreads(threads).build()) {
        ProcessHandle server = postgres == null ? null : postgres.getProcess().toHandle();
        run(client, row, process, tasks, threads, warmUpInstances, instances, () -> databaseCpuNanos(server));
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static void run(CamundaClient client, String row, String process, int tasks, int threads,
      int warmUpInstances, int instances, java.util.function.LongSupplier databaseCpu) throws Exception {
    String id = "bench-" + process;
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(id).startEvent();
    for (int i = 1; i <= tasks; i++) {
      flow = flow.serviceTask("task" + i, t -> t.zeebeJobType("bench.work"));
    }
    client.newDeployResourceCommand().addProcessModel(flow.endEvent().done(), id + ".bpmn").send().join();

    Map<Long, Integer> tasksDone = new ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicInteger failedCompletions = new java.util.concurrent.atomic.AtomicInteger();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    CountDownLatch[] finished = {null};
    JobWorker worker = client.newWorker().jobType("bench.work").handler((jobs, job) -> {
      long instance = job.getProcessInstanceKey();
      long startedAt = ((Number) job.getVariablesAsMap().get("startedAt")).longValue();
      jobs.newCompleteCommand(job.getKey()).send().toCompletableFuture().whenComplete((ok, failure) -> {
        if (failure != null) {
          // on an overloaded machine the client may give up on a completion the engine still makes: count
          // the instance as ended (it cannot be measured) rather than wait for it forever
          failedCompletions.incrementAndGet();
        }
        if (tasksDone.merge(instance, 1, Integer::sum) == tasks) {
          if (failure == null) {
            latencies.add(System.nanoTime() - startedAt);
          }
          tasksDone.remove(instance);
          inFlight.release();
          finished[0].countDown();
        }
      });
    // 10 ms as Tsumugi's robots use it (RobotClientDefaults): at the client's default 100 ms a race in its job
    // worker leaves no poll open for 100 ms now and then, and the p99 measured the client's timer.
    }).maxJobsActive(256).timeout(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).open();

    // Warm-up, not measured. A warm-up of 500 instances left the JIT compilers busy through the measured phase
    // (two cores shared with them), so the throughput said more about their progress than about the engine that
    // a hospital's server reaches after its first minute; the JIT column shows what compiling is left.
    finished[0] = new CountDownLatch(warmUpInstances);
    for (int i = 0; i < warmUpInstances; i++) {
      inFlight.acquire();
      create(client, id);
    }
    finished[0].await(10, TimeUnit.MINUTES);

    finished[0] = new CountDownLatch(instances);
    latencies.clear();
    long begin = System.nanoTime();
    long cpuBegin = processCpuNanos() + databaseCpu.getAsLong();
    long writerBegin = writerCpuNanos();
    long jitBegin = jitMillis();
    for (int i = 0; i < instances; i++) {
      inFlight.acquire();
      create(client, id);
    }
    finished[0].await(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - begin) / 1e9;
    double cpuMillisPerInstance = (processCpuNanos() + databaseCpu.getAsLong() - cpuBegin) / 1e6 / instances;
    double writerBusy = (writerCpuNanos() - writerBegin) / 1e9 / seconds;
    long jitSaturated = jitMillis() - jitBegin;
    long[] saturated = sorted(latencies);

    finished[0] = new CountDownLatch(RATE_PER_SECOND * RATE_SECONDS);
    latencies.clear();
    long gcBegin = gcMillis();
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    int[] paced = {0};
    pacer.scheduleAtFixedRate(() -> {
      if (paced[0]++ < RATE_PER_SECOND * RATE_SECONDS && inFlight.tryAcquire()) {
        create(client, id);
      }
    }, 0, 1_000_000 / RATE_PER_SECOND, TimeUnit.MICROSECONDS);
    boolean rateKept = finished[0].await(RATE_SECONDS * 3L, TimeUnit.SECONDS);
    pacer.shutdownNow();
    long[] atRate = sorted(latencies);
    long gcAtRate = gcMillis() - gcBegin;
    worker.close();

    System.out.printf("| %s | %s | %d | %d | %d | %.0f | %.2f | %.0f %% | %d | %.1f | %.1f | %.1f | %.1f | %d |%s%n",
        row, process, threads, warmUpInstances, instances, instances / seconds, cpuMillisPerInstance,
        writerBusy * 100, jitSaturated,
        millis(saturated, 0.5), millis(saturated, 0.99), millis(atRate, 0.5),
        millis(atRate, 0.99), gcAtRate, (rateKept ? "" : " (rate not kept)")
        + (failedCompletions.get() == 0 ? "" : " (" + failedCompletions.get() + " completions timed out)"));
  }

  /** The start time travels with the instance, so the last job's worker can measure start to end. */
  private static void create(CamundaClient client, String id) {
    client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("startedAt", System.nanoTime())).send();
  }

  /**
   * CPU the whole process (engine and client) spent, which a shared machine's load barely changes, unlike
   * throughput: per instance it is the figure to compare between engine builds.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Time the collectors stopped or slowed the JVM: a young-generation pause holds every request in flight, so
   * with pauses near 100 ms they decide the p99 at a fixed rate.
   */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
        .sum();
  }

  /** CPU of the PostgreSQL server and its backends, which work for the engine in processes of their own. */
  private static long databaseCpuNanos(ProcessHandle server) {
    if (server == null) {
      return 0;
    }
    return Stream.concat(Stream.of(server), server.descendants())
        .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
  }

  /** Time the JIT compilers spent compiling so far (summed over their threads). */
  private static long jitMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /** CPU of the engine's single writer thread: near one core means the writer, not HTTP, limits throughput. */
  private static long writerCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("tsumugi-engine-writer"))
        .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
  }

  private static long[] sorted(List<Long> values) {
    synchronized (values) {
      long[] array = values.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(array);
      return array;
    }
  }

  private static double millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
  }

  private EngineBenchmark() {}

}
