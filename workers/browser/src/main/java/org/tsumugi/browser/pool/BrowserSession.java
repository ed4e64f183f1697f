package org.tsumugi.browser.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
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
  /** Hosts whose login the next job may find (their scenarios said keepLogin). */
  private final Set<String> keptLogins = new HashSet<>();

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

  /** Where documents to upload are put for the browser's file inputs; emptied between jobs. */
  public Path uploadDir() throws IOException {
    return Files.createDirectories(workDir.resolve("u"));
  }

  /** Jobs this browser has served, counting the current one. */
  public int jobs() {
    return jobs;
  }

  long ageNanos() {
    return System.nanoTime() - startedAt;
  }

  Set<String> keptLogins() {
    return keptLogins;
  }

  void countJob() {
    jobs++;
  }

  /** A cheap round trip to the browser: false when Chromium or the driver is gone or hung. */
  boolean healthy() {
    try {
      // One round trip reaches the driver, the browser and its renderer.
      driver.executeScript("return 1");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Makes the browser look new to the next job: one window, no frames, a blank page, no downloads,
   * and only the cookies of hosts whose scenarios allow keeping their login.
   */
  void reset(Set<String> keepCookiesOf) {
    // Every call costs a round trip, and this runs after every job: only what is needed.
    Set<String> handles = driver.getWindowHandles();
    if (handles.size() > 1) {
      String first = handles.iterator().next();
      for (String h : handles) {
        if (!h.equals(first)) {
          driver.switchTo().window(h);
          driver.close();
        }
      }
      driver.switchTo().window(first);
    }
    // Navigating the top-level page also leaves any frame the job was in.
    driver.get("about:blank");
    // Selenium's cookie API only reaches the current page's domain; DevTools sees them all.
    if (keepCookiesOf.isEmpty()) {
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    } else {
      Object all = driver.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
      for (Object c : (List<?>) all) {
        Map<?, ?> cookie = (Map<?, ?>) c;
        String domain = String.valueOf(cookie.get("domain")).replaceFirst("^\\.", "");
        if (!keepCookiesOf.contains(domain)) {
          driver.executeCdpCommand("Network.deleteCookies", Map.of("name", cookie.get("name"),
              "domain", cookie.get("domain"), "path", cookie.get("path")));
        }
      }
    }
    // The network events of this job are of no use to the next, and chromedriver keeps them until read.
    driver.manage().logs().get(LogType.PERFORMANCE);
    deleteContents(downloadDir);
    deleteContents(workDir.resolve("u"));
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
    LeftoverReaper.processesOf(workDir).forEach(ProcessHandle::destroyForcibly);
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
