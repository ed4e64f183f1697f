package org.tsumugi.browser.run;

import org.tsumugi.browser.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.tsumugi.browser.scenario.Selector;

/**
 * Finds elements by the scenario's selectors. Label and role selectors follow the page the way
 * assistive technology does (label association, ARIA role and accessible name), which is what
 * stays stable when a vendor reshuffles the layout. One script call per lookup: every extra round
 * trip to the browser costs tens of milliseconds per step.
 */
final class Elements {

  /** Native elements per ARIA role; the browser's computed role has the final word. */
  private static final Map<String, String> ROLE_CANDIDATES = Map.of(
      "button", "button, input[type=submit], input[type=button], input[type=reset]",
      "link", "a[href]",
      "textbox", "input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=search],"
          + " input[type=url], input[type=password], textarea",
      "checkbox", "input[type=checkbox]",
      "radio", "input[type=radio]",
      "combobox", "select, input[list]",
      "heading", "h1, h2, h3, h4, h5, h6",
      "table", "table",
      "cell", "td",
      "row", "tr");

  /** Returns [visible matches, hidden matches] in document order. */
  private static final String FIND = """
      var by = arguments[0], v = arguments[1], name = arguments[2], roleCss = arguments[3];
      function norm(s) { return (s || '').replace(/\\s+/g, ' ').trim(); }
      function labelledBy(e) {
        var ids = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
        return norm(ids.map(function (i) { var r = document.getElementById(i); return r ? r.textContent : ''; }).join(' '));
      }
      function accessibleName(e) {
        if (e.getAttribute('aria-labelledby')) return labelledBy(e);
        if (e.getAttribute('aria-label')) return norm(e.getAttribute('aria-label'));
        if (e.labels && e.labels.length) return norm(Array.from(e.labels).map(function (l) { return l.textContent; }).join(' '));
        if (e.tagName === 'INPUT' && /^(submit|button|reset)$/i.test(e.type)) return norm(e.value);
        return norm(e.textContent || e.getAttribute('alt') || e.getAttribute('title'));
      }
      var out = [];
      if (by === 'css') {
        out = Array.from(document.querySelectorAll(v));
      } else if (by === 'xpath') {
        var r = document.evaluate(v, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
        for (var i = 0; i < r.snapshotLength; i++) { if (r.snapshotItem(i).nodeType === 1) out.push(r.snapshotItem(i)); }
      } else if (by === 'text') {
        document.querySelectorAll('body *').forEach(function (e) {
          if (e.tagName === 'SCRIPT' || e.tagName === 'STYLE' || norm(e.textContent) !== v) return;
          if (!Array.from(e.children).some(function (c) { return norm(c.textContent) === v; })) out.push(e);
        });
        document.querySelectorAll('input[type=submit], input[type=button], input[type=reset]').forEach(function (e) {
          if (norm(e.value) === v) out.push(e);
        });
      } else if (by === 'label') {
        document.querySelectorAll('label').forEach(function (l) { if (norm(l.textContent) === v && l.control) out.push(l.control); });
        document.querySelectorAll('[aria-label], [aria-labelledby]').forEach(function (e) {
          if (norm(e.getAttribute('aria-label')) === v || (e.getAttribute('aria-labelledby') && labelledBy(e) === v)) out.push(e);
        });
      } else if (by === 'role') {
        out = Array.from(document.querySelectorAll(roleCss)).filter(function (e) {
          return name === null || accessibleName(e) === name;
        });
      }
      out = out.filter(function (e, i) { return out.indexOf(e) === i; });
      function visible(e) {
        var s = getComputedStyle(e);
        return e.getClientRects().length > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      }
      return [out.filter(visible), out.filter(function (e) { return !visible(e); })];
      """;

  // Short: most waits end within a few polls (a dialog, a saved page), and each poll is one cheap round
  // trip; a long poll made every such step wait the better part of it for nothing.
  private static final Duration POLL = Duration.ofMillis(25);

  private final WebDriver driver;

  Elements(WebDriver driver) {
    this.driver = driver;
  }

  /** Waits up to the timeout for a displayed match; a hidden match is taken only at the end. */
  WebElement find(Selector selector, String value, String name, Duration timeout, BooleanSupplier loggedOut) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<List<WebElement>> m = matches(selector, value, name);
      if (!m.get(0).isEmpty()) {
        return m.get(0).get(0);
      }
      // Waiting the full timeout on a login page would only delay the re-login.
      if (loggedOut.getAsBoolean()) {
        throw new StepFailure(Messages.get("run.loggedOut", selector));
      }
      if (System.nanoTime() > deadline) {
        if (!m.get(1).isEmpty()) {
          return m.get(1).get(0);
        }
        throw new StepFailure(Messages.get("run.notFound", selector, seconds(timeout)));
      }
      sleep();
    }
  }

  /** Every current match, visible ones first, without waiting. */
  List<WebElement> findAll(Selector selector, String value, String name) {
    List<List<WebElement>> m = matches(selector, value, name);
    List<WebElement> all = new ArrayList<>(m.get(0));
    all.addAll(m.get(1));
    return all;
  }

  @SuppressWarnings("unchecked")
  private List<List<WebElement>> matches(Selector selector, String value, String name) {
    String roleCss = null;
    if (selector.by() == Selector.By.ROLE) {
      String natives = ROLE_CANDIDATES.get(value);
      String css = "[role=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
      roleCss = natives == null ? css : natives + ", " + css;
    }
    try {
      List<List<WebElement>> m = (List<List<WebElement>>) ((JavascriptExecutor) driver)
          .executeScript(FIND, selector.by().key(), value, name, roleCss);
      if (selector.by() == Selector.By.ROLE) {
        // The script's candidates by tag and name; the browser's accessibility tree decides the role.
        return List.of(confirmRole(m.get(0), value), confirmRole(m.get(1), value));
      }
      return m;
    } catch (JavascriptException e) {
      throw new StepFailure(Messages.get("run.badSelector", selector));
    } catch (StaleElementReferenceException e) {
      return List.of(List.of(), List.of());
    }
  }

  private static List<WebElement> confirmRole(List<WebElement> candidates, String role) {
    List<WebElement> out = new ArrayList<>();
    for (WebElement e : candidates) {
      if (role.equals(e.getAriaRole())) {
        out.add(e);
      }
    }
    return out;
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0);
  }

  static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure(Messages.get("run.interrupted"), e);
    }
  }
}
