package org.tsumugi.browser.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A worker JVM killed with SIGKILL leaves its Chromium and chromedriver running; the next pool started on
 * the same installation ends them, and leaves alone the browsers of a worker that is still alive.
 */
class LeftoverReaperTest {

  @Test
  void aRestartedWorkerEndsTheBrowsersOfAKilledOneButNotThoseOfALiveOne() throws Exception {
    Path root = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "tr" + ProcessHandle.current().pid()));
    try (BrowserPool live = new BrowserPool(BrowserSettings.defaults().withWorkRoot(root));
        BrowserPool.Lease liveLease = live.acquire()) {
      liveLease.session().driver().get("about:blank");
      Path liveDir = liveLease.session().workDir();

      Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), PoolHolderProcess.class.getName(), root.toString())
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("READY")) {
              return true;
            }
          }
          return false;
        } catch (java.io.IOException e) {
          return false;
        }
      });
      assertThat(ready.get(120, TimeUnit.SECONDS)).as("the worker started its browser").isTrue();
      Path orphanDir = sessionsOf(root).stream().filter(d -> !d.equals(liveDir)).findFirst().orElseThrow();
      worker.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();

      List<ProcessHandle> orphans = LeftoverReaper.processesOf(orphanDir).toList();
      assertThat(orphans).as("the killed worker's browser outlived it")
          .anySatisfy(p -> assertThat(p.info().commandLine().orElse("")).contains("chromedriver"))
          .anySatisfy(p -> assertThat(p.info().commandLine().orElse("")).contains("chromium"));
      List<ProcessHandle> liveProcesses = LeftoverReaper.processesOf(liveDir).toList();
      assertThat(liveProcesses).isNotEmpty();

      new BrowserPool(BrowserSettings.defaults().withWorkRoot(root)).close();

      await(() -> orphans.stream().noneMatch(ProcessHandle::isAlive), "the orphaned browser processes end");
      assertThat(orphanDir).doesNotExist();
      assertThat(liveProcesses).allMatch(ProcessHandle::isAlive);
      assertThat(liveLease.session().driver().getWindowHandles()).as("the live worker's browser still answers")
          .hasSize(1);
    } finally {
      BrowserSession.deleteContents(root);
      Files.deleteIfExists(root);
    }
  }

  private static List<Path> sessionsOf(Path root) throws java.io.IOException {
    try (var dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).toList();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting until %s", what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
