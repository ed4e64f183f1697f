package org.tsumugi.browser.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tsumugi.browser.pool.BrowserPool;
import org.tsumugi.browser.pool.BrowserSettings;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.run.RunOutcome;
import org.tsumugi.browser.run.RunRequest;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;
import org.tsumugi.browser.scenario.ScenarioCatalog;

/**
 * Seconds per 問診 entry (the real robots/ scenario against the sandbox EMR) with a warm pooled
 * browser and a cold one, and entries per minute with one and two robots. Not part of the normal
 * suite: run it with bench/browser/run.sh. Bounded: a fixed number of entries, all on 127.0.0.1.
 */
@EnabledIfSystemProperty(named = "tsumugi.bench", matches = "true")
class BrowserBenchmark {

  private static final int COLD_RUNS = Integer.getInteger("tsumugi.bench.cold", 3);
  private static final int WARM_RUNS = Integer.getInteger("tsumugi.bench.warm", 12);
  private static final int THROUGHPUT_ENTRIES = Integer.getInteger("tsumugi.bench.entries", 16);

  private final SandboxEmr emr = RobotTestKit.emr();
  private final ScenarioCatalog catalog = ScenarioCatalog.load(RobotTestKit.robotsDir());
  private final Map<String, List<Double>> stepMillis = new java.util.TreeMap<>();

  @Test
  void measure() throws Exception {
    emr.reset();
    List<Double> cold = new ArrayList<>();
    for (int i = 0; i < COLD_RUNS; i++) {
      try (BrowserPool pool = pool(1)) {
        cold.add(timed(robot(pool)));
      }
    }
    List<Double> warm = new ArrayList<>();
    try (BrowserPool pool = pool(1)) {
      BrowserRobot robot = robot(pool);
      timed(robot); // starts the browser and logs in, as a running worker would have done already
      for (int i = 0; i < WARM_RUNS; i++) {
        warm.add(timed(robot, this::profile));
      }
    }
    double perMinute1 = throughput(1);
    double perMinute2 = throughput(2);

    String report = String.format(java.util.Locale.ROOT, """
        | measure | value |
        | --- | --- |
        | cold entry (browser start + login + entry), median of %d | %.2f s |
        | warm entry (pooled browser, login kept), median of %d | %.2f s (min %.2f, max %.2f) |
        | entries per minute, 1 robot (%d entries) | %.1f |
        | entries per minute, 2 robots (%d entries) | %.1f |
        """, COLD_RUNS, median(cold), WARM_RUNS, median(warm), Collections.min(warm), Collections.max(warm),
        THROUGHPUT_ENTRIES, perMinute1, THROUGHPUT_ENTRIES, perMinute2);
    String header = "Measured " + OffsetDateTime.now(ZoneOffset.UTC).withNano(0) + " on "
        + Runtime.getRuntime().availableProcessors() + " cores, load average before: " + loadAverage() + "\n\n";
    report = report + "\n" + profileTable();
    System.out.println(header + report);
    Path out = Path.of("target/benchmarks/browser.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, header + report, StandardCharsets.UTF_8);
  }

  private double throughput(int robots) throws Exception {
    emr.reset();
    try (BrowserPool pool = pool(robots)) {
      BrowserRobot robot = robot(pool);
      pool.warmUp(robots);
      ExecutorService threads = Executors.newFixedThreadPool(robots);
      try {
        List<Future<Double>> warmups = new ArrayList<>();
        for (int i = 0; i < robots; i++) {
          warmups.add(threads.submit(() -> timed(robot)));
        }
        for (Future<Double> f : warmups) {
          f.get();
        }
        long start = System.nanoTime();
        List<Future<Double>> runs = new ArrayList<>();
        for (int i = 0; i < THROUGHPUT_ENTRIES; i++) {
          runs.add(threads.submit(() -> timed(robot)));
        }
        for (Future<Double> f : runs) {
          f.get();
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        return THROUGHPUT_ENTRIES / minutes;
      } finally {
        threads.shutdownNow();
      }
    }
  }

  private double timed(BrowserRobot robot) {
    return timed(robot, outcome -> { });
  }

  /** Adds a warm run's step timings (from its step log) to the profile printed with the results. */
  private void profile(RunOutcome outcome) {
    try {
      var log = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(RobotTestKit.evidence().read(outcome.evidence().stepLog()));
      for (var step : log.path("steps")) {
        if (step.has("ms") && step.has("step")) {
          String key = step.path("scenario").asText() + " " + step.path("step").asText() + " (" + step.path("kind").asText() + ")";
          stepMillis.computeIfAbsent(key, k -> new ArrayList<>()).add(step.path("ms").asDouble());
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String profileTable() {
    StringBuilder table = new StringBuilder("| warm entry step (median of %d) | ms |\n| --- | --- |\n".formatted(WARM_RUNS));
    stepMillis.entrySet().stream().sorted((a, b) -> Double.compare(median(b.getValue()), median(a.getValue())))
        .limit(8).forEach(e -> table.append(String.format(java.util.Locale.ROOT, "| %s | %.0f |%n", e.getKey(), median(e.getValue()))));
    return table.toString();
  }

  private double timed(BrowserRobot robot, java.util.function.Consumer<RunOutcome> inspect) {
    Map<String, Object> vars = Map.of("patientId", "P0001", "chiefComplaint", "3日前からの頭痛と発熱（38.2℃）",
        "onset", "1週間以内", "allergy", true, "note", "ペニシリンで発疹の既往");
    long start = System.nanoTime();
    RunOutcome outcome = robot.run(new RunRequest("sandbox-emr/monshin-entry", vars, UUID.randomUUID().toString(),
        "bench-" + UUID.randomUUID(), null));
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!(outcome instanceof RunOutcome.Completed)) {
      throw new IllegalStateException("entry failed: " + outcome);
    }
    inspect.accept(outcome);
    return seconds;
  }

  private BrowserPool pool(int size) throws IOException {
    return new BrowserPool(BrowserSettings.defaults().withSize(size).withWorkRoot(Files.createTempDirectory("tbb")));
  }

  private BrowserRobot robot(BrowserPool pool) {
    return new BrowserRobot(catalog, pool, RobotTestKit.vault(), RobotTestKit.evidence(), Map.of("sandbox-emr", emr.baseUrl()));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
