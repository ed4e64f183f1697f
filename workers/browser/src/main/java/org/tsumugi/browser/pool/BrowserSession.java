package org.tsumugi.browser.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;

/**
 * One running Chromium with its driver and private folders. A session belongs to one job at a time
 * (through a {@link BrowserPool.Lease}); it is not thread-safe.
 */
public final class BrowserSession {

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path workDir;
  private final Path downloadDir;
  private final long startedAt = System.nanoTime();
  private int jobs;

  BrowserSession(ChromeDriver driver, ChromeDriverService service, Path workDir, Path downloadDir) {
    this.driver = driver;
    this.service = service;
    this.workDir = workDir;
    this.downloadDir = downloadDir;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Where downloads of this browser land; emptied between jobs. */
  public Path downloadDir() {
    return downloadDir;
  }

  /** Runs a Chrome DevTools command (used for network-idle detection and cookie clearing). */
  public Map<String, Object> devTools(String command, Map<String, Object> params) {
    return driver.executeCdpCommand(command, params);
  }

  /** Jobs this browser has served, counting the current one. */
  public int jobs() {
    return jobs;
  }

  long ageNanos() {
    return System.nanoTime() - startedAt;
  }

  void countJob() {
    jobs++;
  }

  /** A cheap round trip to the browser: false when Chromium or the driver is gone or hung. */
  boolean healthy() {
    try {
      driver.getWindowHandles();
      driver.executeScript("return 1");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Makes the browser look new to the next job: one window, no frames, a blank page, no downloads,
   * and no cookies unless the last scenario allows keeping its target's login.
   */
  void reset(boolean keepCookies) {
    Set<String> handles = driver.getWindowHandles();
    String first = handles.iterator().next();
    for (String h : handles) {
      if (!h.equals(first)) {
        driver.switchTo().window(h);
        driver.close();
      }
    }
    driver.switchTo().window(first);
    driver.switchTo().defaultContent();
    driver.get("about:blank");
    if (!keepCookies) {
      // Selenium's deleteAllCookies only reaches the current page's domain; DevTools clears all.
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }
    deleteContents(downloadDir);
  }

  /** Ends the browser and its driver, then removes its folders. Never throws. */
  void quit() {
    try {
      driver.quit();
    } catch (RuntimeException e) {
      // A crashed browser cannot be asked to quit; the processes are ended below.
    }
    try {
      service.stop();
    } catch (RuntimeException e) {
      // Same as above.
    }
    killLeftovers();
    deleteContents(workDir);
    try {
      Files.deleteIfExists(workDir);
    } catch (IOException e) {
      // Left for the OS's tmp cleaning; never worth failing a job for.
    }
  }

  /** Ends the processes of this session the hard way, as a crash would; tests use it too. */
  void killLeftovers() {
    String marker = workDir.toString();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)
            || p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }

  Path workDir() {
    return workDir;
  }

  static void deleteContents(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // Chromium may still hold a file for a moment; the next cleaning gets it.
        }
      });
    } catch (IOException e) {
      // As above.
    }
  }
}
