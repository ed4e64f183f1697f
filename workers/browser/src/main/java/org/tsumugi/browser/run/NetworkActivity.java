package org.tsumugi.browser.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Requests in flight per browser window, read from chromedriver's performance log. The log covers every
 * window the driver knows, including those a page opens itself, and every kind of request (documents,
 * scripts, images, fetch and XHR), which a script injected into the first page could not see. Kept for
 * one run, because a request may start in one step and end during a later step's wait.
 */
final class NetworkActivity {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Set<String>> inFlight = new HashMap<>();
  private final Map<String, Long> lastEventAt = new HashMap<>();

  /**
   * Whether the current window has loaded its page and had no request in flight for {@code quiet}
   * (counted from the last request's start or end, and from the page's own start).
   */
  boolean idle(WebDriver driver, Duration quiet) {
    // The page first, the log after: a request the page started before answering is then in the log.
    Object loaded = ((JavascriptExecutor) driver).executeScript(
        "return document.readyState === 'complete' && performance.now() >= arguments[0];", quiet.toMillis());
    readLog(driver);
    String window = driver.getWindowHandle();
    long now = System.currentTimeMillis();
    long last = lastEventAt.computeIfAbsent(window, w -> now);
    return Boolean.TRUE.equals(loaded) && inFlight.getOrDefault(window, Set.of()).isEmpty()
        && now - last >= quiet.toMillis();
  }

  /** Requests of the current window still in flight at the last look (for the timeout message). */
  int inFlight(WebDriver driver) {
    return inFlight.getOrDefault(driver.getWindowHandle(), Set.of()).size();
  }

  private void readLog(WebDriver driver) {
    // When the event was seen, not when it happened: the entries' own clock is the driver's business,
    // and seeing it late only makes the wait a little longer.
    long seen = System.currentTimeMillis();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode root = JSON.readTree(entry.getMessage());
        String window = root.path("webview").asText();
        JsonNode message = root.path("message");
        String requestId = message.path("params").path("requestId").asText();
        switch (message.path("method").asText()) {
          case "Network.requestWillBeSent" -> inFlight.computeIfAbsent(window, w -> new HashSet<>()).add(requestId);
          case "Network.loadingFinished", "Network.loadingFailed", "Network.requestServedFromMemoryCache" ->
              inFlight.getOrDefault(window, new HashSet<>()).remove(requestId);
          default -> {
            continue;
          }
        }
        lastEventAt.put(window, seen);
      } catch (java.io.IOException e) {
        // Not a DevTools event (chromedriver's own notes): nothing to count.
      }
    }
  }
}
