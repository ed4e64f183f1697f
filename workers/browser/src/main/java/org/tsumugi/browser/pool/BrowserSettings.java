package org.tsumugi.browser.pool;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the pool starts and reuses Chromium.
 *
 * @param chromium the browser binary (Debian package chromium)
 * @param chromedriver the driver binary (Debian package chromium-driver)
 * @param size how many browsers may run at once
 * @param maxJobsPerSession after this many jobs a browser is replaced by a fresh one
 * @param acquireTimeout how long a job waits for a free browser
 * @param workRoot where each browser gets its own temporary and download folder
 */
public record BrowserSettings(
    Path chromium,
    Path chromedriver,
    int size,
    int maxJobsPerSession,
    Duration acquireTimeout,
    Path workRoot) {

  public BrowserSettings {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1");
    }
    if (maxJobsPerSession < 1) {
      throw new IllegalArgumentException("maxJobsPerSession must be at least 1");
    }
  }

  /** Debian's paths, one browser, replaced after 50 jobs, work folder under java.io.tmpdir. */
  public static BrowserSettings defaults() {
    return new BrowserSettings(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"), 1, 50,
        Duration.ofSeconds(60), Path.of(System.getProperty("java.io.tmpdir"), "tsumugi-browser"));
  }

  public BrowserSettings withSize(int newSize) {
    return new BrowserSettings(chromium, chromedriver, newSize, maxJobsPerSession, acquireTimeout, workRoot);
  }

  public BrowserSettings withMaxJobsPerSession(int n) {
    return new BrowserSettings(chromium, chromedriver, size, n, acquireTimeout, workRoot);
  }

  public BrowserSettings withBinaries(Path newChromium, Path newChromedriver) {
    return new BrowserSettings(newChromium, newChromedriver, size, maxJobsPerSession, acquireTimeout, workRoot);
  }

  public BrowserSettings withWorkRoot(Path root) {
    return new BrowserSettings(chromium, chromedriver, size, maxJobsPerSession, acquireTimeout, root);
  }
}
