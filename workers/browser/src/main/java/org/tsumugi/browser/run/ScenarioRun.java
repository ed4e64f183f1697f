package org.tsumugi.browser.run;

import org.tsumugi.browser.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.Alert;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.tsumugi.browser.evidence.EvidenceStore;
import org.tsumugi.browser.pool.BrowserSession;
import org.tsumugi.browser.scenario.Condition;
import org.tsumugi.browser.scenario.Scenario;
import org.tsumugi.browser.scenario.ScenarioCatalog;
import org.tsumugi.browser.scenario.Selector;
import org.tsumugi.browser.scenario.Step;

/** The state of one run of one scenario on one browser; used once, by one thread. */
final class ScenarioRun {

  private static final int MAX_REPEAT = 500;
  private static final Duration NETWORK_QUIET = Duration.ofMillis(500);

  private final ScenarioCatalog catalog;
  private final BrowserSession session;
  private final WebDriver driver;
  private final Elements elements;
  private final EvidenceStore evidence;
  private final Map<String, String> targetUrls;
  private final RunRequest request;
  private final Map<String, Object> variables = new LinkedHashMap<>();
  private final Map<String, Object> outputs = new LinkedHashMap<>();
  private final Map<String, String> writes = new LinkedHashMap<>();
  private final List<Map<String, Object>> log = new ArrayList<>();
  private final List<String> screenshots = new ArrayList<>();
  private final Templates templates;
  private final NetworkActivity network = new NetworkActivity();
  private final String mainWindow;
  private int shots;
  private Scenario top;
  /** Above zero while the login scenario runs: there, a login form is expected, not a logout. */
  private int loggingIn;

  ScenarioRun(ScenarioCatalog catalog, BrowserSession session, EvidenceStore evidence,
      Map<String, String> targetUrls, RunRequest request, java.util.function.UnaryOperator<String> secrets) {
    this.catalog = catalog;
    this.session = session;
    this.driver = session.driver();
    this.elements = new Elements(driver);
    this.evidence = evidence;
    this.targetUrls = targetUrls;
    this.request = request;
    this.variables.putAll(request.variables());
    this.variables.put("idempotencyKey", request.idempotencyKey());
    this.templates = new Templates(variables, secrets);
    this.mainWindow = driver.getWindowHandle();
  }

  /** Plays the scenario; when it finds itself logged out, logs in once and starts over. */
  Map<String, Object> play(Scenario top) {
    this.top = top;
    driver.manage().timeouts().pageLoadTimeout(top.pageTimeout());
    for (String input : top.inputs()) {
      if (!variables.containsKey(input) || variables.get(input) == null) {
        throw new StepFailure(Messages.get("run.noInput", top.name(), input));
      }
    }
    boolean reloggedIn = false;
    while (true) {
      try {
        steps(top, top.steps());
        break;
      } catch (StepFailure | BusinessFailure e) {
        Scenario.Session s = top.session();
        if (s.loggedOutWhen() == null || !loggedOut(top)) {
          throw e;
        }
        if (reloggedIn) {
          throw new StepFailure(Messages.get("run.loggedOutTwice", top.target()));
        }
        reloggedIn = true;
        entry(top, null, "relogin", Messages.get("run.relogin"), 0);
        Scenario login = catalog.get(s.login());
        callLogin(login);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>(outputs);
    if (!writes.isEmpty()) {
      result.put("browserWrites", new LinkedHashMap<>(writes));
    }
    return result;
  }

  private boolean loggedOut(Scenario top) {
    try {
      driver.switchTo().defaultContent();
      return holds(top, top.session().loggedOutWhen());
    } catch (WebDriverException e) {
      return false;
    }
  }

  private void steps(Scenario scenario, List<Step> steps) {
    for (Step step : steps) {
      long start = System.nanoTime();
      try {
        String result = step(scenario, step);
        if (step.common().screenshot()) {
          screenshot(step.common().path().replaceAll("[^A-Za-z0-9]+", "-"));
        }
        entry(scenario, step, result, null, start);
      } catch (BusinessFailure e) {
        entry(scenario, step, "business-error", e.code(), start);
        throw e;
      } catch (StepFailure e) {
        entry(scenario, step, "failed", e.getMessage(), start);
        throw located(e) ? e : new StepFailure(where(scenario, step) + e.getMessage(), e);
      } catch (TimeoutException e) {
        String msg = where(scenario, step) + Messages.get("run.stepTimeout", firstLine(e));
        entry(scenario, step, "failed", msg, start);
        throw new StepFailure(msg, e);
      } catch (WebDriverException e) {
        // Kept as the cause: the robot checks afterwards whether the browser itself died.
        String msg = where(scenario, step) + Messages.get("run.browserError", firstLine(e));
        entry(scenario, step, "failed", msg, start);
        throw new StepFailure(msg, e);
      }
      request.heartbeat().run();
    }
  }

  private String step(Scenario sc, Step step) {
    Duration timeout = step.common().timeout() != null ? step.common().timeout() : sc.stepTimeout();
    if (step instanceof Step.Open s) {
      String url = render(s.url());
      if (url.startsWith("/")) {
        String base = targetUrls.getOrDefault(sc.target(), sc.baseUrl());
        if (base == null) {
          throw new StepFailure(Messages.get("run.noTargetUrl", sc.target()));
        }
        url = base.replaceAll("/+$", "") + url;
      }
      try {
        driver.get(url);
      } catch (TimeoutException e) {
        stopLoading();
        throw new StepFailure(Messages.get("run.pageTimeout", Elements.seconds(sc.pageTimeout()), s.url()));
      }
    } else if (step instanceof Step.Fill s) {
      type(find(s.selector(), timeout), templates.render(s.value(), true));
    } else if (step instanceof Step.Select s) {
      WebElement e = find(s.selector(), timeout);
      if (!"select".equals(e.getTagName())) {
        throw new StepFailure(Messages.get("run.notSelect", s.selector()));
      }
      // Clicking the one matching option costs two round trips; Selenium's Select helper reads
      // every option's text first, which is slow on long lists (departments, prefectures).
      List<WebElement> options = e.findElements(org.openqa.selenium.By.xpath(
          ".//option[normalize-space(.)=" + xpathLiteral(render(s.option()).strip()) + "]"));
      if (options.isEmpty()) {
        throw new StepFailure(Messages.get("run.noOption", s.option(), s.selector()));
      }
      options.get(0).click();
    } else if (step instanceof Step.Check s) {
      WebElement e = find(s.selector(), timeout);
      boolean want = truthy(render(s.checked()));
      if (e.isSelected() != want) {
        e.click();
      }
    } else if (step instanceof Step.Click s) {
      click(s.selector(), timeout);
    } else if (step instanceof Step.Wait s) {
      waitFor(sc, s, timeout);
    } else if (step instanceof Step.Extract s) {
      outputs.put(s.as(), extract(s, timeout));
      variables.put(s.as(), outputs.get(s.as()));
    } else if (step instanceof Step.Assert s) {
      if (!eventually(sc, s.condition(), step.common().timeout())) {
        if (s.error() != null) {
          throw business(sc, s.error(), s.message());
        }
        throw new StepFailure(s.message() != null ? s.message() : Messages.get("run.assertFailed", describe(s.condition())));
      }
    } else if (step instanceof Step.Screenshot s) {
      screenshot(s.name().replaceAll("[^A-Za-z0-9._-]+", "-"));
    } else if (step instanceof Step.Upload s) {
      Path file = s.document() != null ? fromDocumentStore(s.document()) : Path.of(render(s.file()));
      if (!Files.isRegularFile(file)) {
        throw new StepFailure(Messages.get("run.noUploadFile", s.file()));
      }
      find(s.selector(), timeout).sendKeys(file.toAbsolutePath().toString());
    } else if (step instanceof Step.Download s) {
      Object ref = evidence.toVariable(download(s, timeout));
      outputs.put(s.as(), ref);
      variables.put(s.as(), ref);
    } else if (step instanceof Step.Frame s) {
      if ("top".equals(s.target())) {
        driver.switchTo().defaultContent();
      } else if ("parent".equals(s.target())) {
        driver.switchTo().parentFrame();
      } else {
        driver.switchTo().frame(find(s.selector(), timeout));
      }
    } else if (step instanceof Step.Window s) {
      window(s.target(), timeout);
    } else if (step instanceof Step.Dialog s) {
      dialog(s, timeout);
    } else if (step instanceof Step.If s) {
      boolean yes = holds(sc, s.condition());
      steps(sc, yes ? s.then() : s.otherwise());
      return yes ? "then" : "else";
    } else if (step instanceof Step.Repeat s) {
      Object over = templates.resolve(s.over());
      if (!(over instanceof List<?> items)) {
        throw new StepFailure(Messages.get("run.repeatNotList", s.over()));
      }
      if (items.size() > MAX_REPEAT) {
        throw new StepFailure(Messages.get("run.repeatTooMany", items.size(), MAX_REPEAT));
      }
      Object previous = variables.get(s.as());
      for (Object item : items) {
        variables.put(s.as(), item);
        steps(sc, s.steps());
      }
      variables.put(s.as(), previous);
      return items.size() + " 回";
    } else if (step instanceof Step.Call s) {
      Scenario callee = catalog.get(s.scenario());
      if (callee.name().equals(top.session().login())) {
        callLogin(callee);
      } else {
        steps(callee, callee.steps());
      }
    } else if (step instanceof Step.Fail s) {
      throw business(sc, s.error(), s.message());
    } else if (step instanceof Step.Write s) {
      if (holds(sc, s.unless())) {
        writes.put(s.name(), "skipped");
        return "skipped";
      }
      steps(sc, s.steps());
      writes.put(s.name(), "written");
      return "written";
    }
    return "ok";
  }

  private void callLogin(Scenario login) {
    loggingIn++;
    try {
      steps(login, login.steps());
    } finally {
      loggingIn--;
    }
  }

  private WebElement find(Selector selector, Duration timeout) {
    return elements.find(selector, render(selector.value()), render(selector.name()), timeout,
        () -> loggingIn == 0 && top != null && top.session().loggedOutWhen() != null
            && holds(top, top.session().loggedOutWhen()));
  }

  private void click(Selector selector, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      WebElement e = find(selector, timeout);
      try {
        e.click();
        return;
      } catch (
          org.openqa.selenium.ElementNotInteractableException
          | org.openqa.selenium.StaleElementReferenceException ex) {
        // Covered by an overlay, not yet enabled, or re-rendered: try again until the timeout.
        if (System.nanoTime() > deadline) {
          throw new StepFailure(Messages.get("run.notClickable", selector, firstLine(ex)));
        }
        Elements.sleep();
      }
    }
  }

  private void waitFor(Scenario sc, Step.Wait s, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (s.networkIdle()) {
      while (!networkIdle()) {
        if (System.nanoTime() > deadline) {
          throw new StepFailure(Messages.get("run.networkBusy", Elements.seconds(timeout),
              network.inFlight(driver)));
        }
        Elements.sleep();
      }
      return;
    }
    if (!eventually(sc, s.condition(), timeout)) {
      throw new StepFailure(Messages.get("run.waitTimeout", Elements.seconds(timeout), describe(s.condition())));
    }
  }

  private boolean networkIdle() {
    return network.idle(driver, NETWORK_QUIET);
  }

  /** Tests a condition once, or keeps testing it until the timeout when one is given. */
  private boolean eventually(Scenario sc, Condition c, Duration timeout) {
    if (timeout == null) {
      return holds(sc, c);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!holds(sc, c)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Elements.sleep();
    }
    return true;
  }

  private boolean holds(Scenario sc, Condition c) {
    if (c instanceof Condition.Present p) {
      return !elements.findAll(p.selector(), render(p.selector().value()), render(p.selector().name())).isEmpty();
    } else if (c instanceof Condition.Absent a) {
      return elements.findAll(a.selector(), render(a.selector().value()), render(a.selector().name())).isEmpty();
    } else if (c instanceof Condition.TextPresent t) {
      Object text = ((JavascriptExecutor) driver).executeScript("return document.body ? document.body.innerText : ''");
      return String.valueOf(text).contains(render(t.text()));
    } else if (c instanceof Condition.UrlContains u) {
      return driver.getCurrentUrl().contains(render(u.text()));
    } else if (c instanceof Condition.VariableTrue v) {
      try {
        return truthy(templates.resolve("{{" + v.name() + "}}"));
      } catch (StepFailure missing) {
        return false;
      }
    }
    throw new IllegalStateException("unknown condition " + c);
  }

  private Object extract(Step.Extract s, Duration timeout) {
    WebElement e = find(s.selector(), timeout);
    switch (s.mode()) {
      case TEXT:
        return e.getText().strip();
      case ALL_TEXT:
        return elements.findAll(s.selector(), render(s.selector().value()), render(s.selector().name()))
            .stream().map(x -> x.getText().strip()).toList();
      case ATTRIBUTE:
        // What a person sees in a field is its live property, not the attribute it was served with.
        if (s.attribute().equals("checked")) {
          return Boolean.parseBoolean(e.getDomProperty("checked"));
        }
        if (s.attribute().equals("value")) {
          return e.getDomProperty("value");
        }
        String v = e.getDomAttribute(s.attribute());
        return v != null ? v : e.getDomProperty(s.attribute());
      case TABLE:
      default:
        return table(e, s.selector());
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, String>> table(WebElement e, Selector selector) {
    Object raw = ((JavascriptExecutor) driver).executeScript("""
        var t = arguments[0].tagName === 'TABLE' ? arguments[0] : arguments[0].querySelector('table');
        if (!t) return null;
        var text = function (c) { return c.innerText.trim(); };
        var heads = Array.from(t.querySelectorAll('thead th')).map(text);
        var rows = Array.from(t.querySelectorAll('tbody tr'));
        if (heads.length === 0) {
          var all = Array.from(t.querySelectorAll('tr'));
          if (all.length === 0) return [[], []];
          heads = Array.from(all[0].cells).map(text);
          rows = all.slice(1);
        }
        return [heads, rows.map(function (r) { return Array.from(r.cells).map(text); })];
        """, e);
    if (raw == null) {
      throw new StepFailure(Messages.get("run.noTable", selector));
    }
    List<Object> parts = (List<Object>) raw;
    List<String> heads = (List<String>) parts.get(0);
    List<Map<String, String>> records = new ArrayList<>();
    for (List<String> row : (List<List<String>>) parts.get(1)) {
      Map<String, String> rec = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        rec.put(i < heads.size() && !heads.get(i).isEmpty() ? heads.get(i) : "列" + (i + 1), row.get(i));
      }
      records.add(rec);
    }
    return records;
  }

  private String download(Step.Download s, Duration timeout) {
    Path dir = session.downloadDir();
    Set<Path> before = listing(dir);
    click(s.selector(), timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Path p : listing(dir)) {
        String name = p.getFileName().toString();
        if (!before.contains(p) && !name.endsWith(".crdownload") && !name.startsWith(".")) {
          try {
            byte[] bytes = Files.readAllBytes(p);
            Files.deleteIfExists(p);
            String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
            return evidence.store(request.runId(), "download-" + safe, "application/octet-stream", bytes);
          } catch (IOException e) {
            throw new StepFailure(Messages.get("run.downloadUnreadable"), e);
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailure(Messages.get("run.downloadTimeout", Elements.seconds(timeout), s.selector()));
      }
      Elements.sleep();
    }
  }

  /** Copies a stored document next to the browser, under its own name, for a file input. */
  private Path fromDocumentStore(String template) {
    String reference = null;
    byte[] content;
    try {
      reference = evidence.fromVariable(templates.resolve(template));
      content = evidence.read(reference);
    } catch (RuntimeException e) {
      throw new StepFailure(Messages.get("run.documentUnreadable", reference != null ? reference : template));
    }
    String name = reference.substring(reference.lastIndexOf('/') + 1).replaceFirst("^[a-z]+:", "");
    try {
      Path file = session.uploadDir().resolve(name.isBlank() ? "document" : name);
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new StepFailure(Messages.get("run.uploadFileFailed"), e);
    }
  }

  private static Set<Path> listing(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return new java.util.HashSet<>(files.toList());
    } catch (IOException e) {
      return Set.of();
    }
  }

  private void window(String target, Duration timeout) {
    switch (target) {
      case "main" -> driver.switchTo().window(mainWindow);
      case "close" -> {
        if (!driver.getWindowHandle().equals(mainWindow)) {
          driver.close();
        }
        driver.switchTo().window(mainWindow);
      }
      default -> {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
          String newest = null;
          for (String h : driver.getWindowHandles()) {
            if (!h.equals(mainWindow)) {
              newest = h;
            }
          }
          if (newest != null) {
            driver.switchTo().window(newest);
            return;
          }
          if (System.nanoTime() > deadline) {
            throw new StepFailure(Messages.get("run.noNewWindow", Elements.seconds(timeout)));
          }
          Elements.sleep();
        }
      }
    }
  }

  private void dialog(Step.Dialog s, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        Alert alert = driver.switchTo().alert();
        String expected = render(s.expectText());
        if (expected != null && !alert.getText().contains(expected)) {
          throw new StepFailure(Messages.get("run.dialogText", s.expectText()));
        }
        if (s.accept()) {
          alert.accept();
        } else {
          alert.dismiss();
        }
        return;
      } catch (NoAlertPresentException e) {
        if (System.nanoTime() > deadline) {
          throw new StepFailure(Messages.get("run.noDialog", Elements.seconds(timeout)));
        }
        Elements.sleep();
      }
    }
  }

  private BusinessFailure business(Scenario sc, String code, String message) {
    return new BusinessFailure(code, message != null ? message : sc.errors().getOrDefault(code, code));
  }

  /** Takes a screenshot into the evidence store; a failure to take one never hides the real error. */
  String screenshot(String name) {
    try {
      byte[] png = capture();
      String ref = evidence.store(request.runId(), String.format("%02d-%s.png", ++shots, name), "image/png", png);
      screenshots.add(ref);
      return ref;
    } catch (WebDriverException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A PNG of the current window. DevTools' fast PNG encoder takes a fraction of WebDriver's screenshot
   * time on a full page, which matters when every entry keeps one as evidence.
   */
  private byte[] capture() {
    if (driver instanceof HasCdp cdp) {
      try {
        Object data = cdp.executeCdpCommand("Page.captureScreenshot",
            Map.of("format", "png", "optimizeForSpeed", true)).get("data");
        if (data instanceof String base64) {
          return java.util.Base64.getDecoder().decode(base64);
        }
      } catch (WebDriverException e) {
        // An older Chromium without the option: WebDriver's own screenshot below.
      }
    }
    return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
  }

  /**
   * Replaces a field's text the way a Japanese user's input method commits it: the whole text at once
   * (DevTools' insertText, which fires the input events), instead of WebDriver's key events per
   * character, which cost a browser round trip each. Fields that cannot take it that way (not a text
   * field, read-only, disabled, an empty value) go through WebDriver, which also gives its errors.
   */
  private void type(WebElement field, String text) {
    Object focused = text.isEmpty() || !(driver instanceof HasCdp) ? false : ((JavascriptExecutor) driver).executeScript(
        "var e = arguments[0];"
            + "var text = e instanceof HTMLTextAreaElement"
            + "    || (e instanceof HTMLInputElement && /^(text|search|tel|url|password)$/.test(e.type));"
            + "if (!text || e.readOnly || e.disabled) return false;"
            + "e.focus(); e.select(); return document.activeElement === e;", field);
    if (Boolean.TRUE.equals(focused)) {
      ((HasCdp) driver).executeCdpCommand("Input.insertText", Map.of("text", text));
      return;
    }
    field.clear();
    field.sendKeys(text);
  }

  /** Writes the step log as JSON into the evidence store. */
  String storeLog(String status) {
    try {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("runId", request.runId());
      doc.put("scenario", request.scenario());
      doc.put("status", status);
      doc.put("steps", log);
      byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
      return evidence.store(request.runId(), "steps.json", "application/json", json);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  List<String> screenshots() {
    return List.copyOf(screenshots);
  }

  private void entry(Scenario sc, Step step, String result, String detail, long start) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("scenario", sc.name());
    if (step != null) {
      e.put("step", step.common().path());
      e.put("kind", step.common().kind());
      if (step.common().label() != null) {
        e.put("name", step.common().label());
      }
    }
    e.put("result", result);
    if (detail != null) {
      e.put("detail", detail);
    }
    if (start != 0) {
      e.put("ms", (System.nanoTime() - start) / 1_000_000);
    }
    log.add(e);
  }

  private void stopLoading() {
    try {
      ((JavascriptExecutor) driver).executeScript("window.stop();");
    } catch (WebDriverException e) {
      // The page may be in no state to run scripts; the next open replaces it anyway.
    }
  }

  private String render(String template) {
    return templates.render(template, false);
  }

  /** An XPath string literal for any text, quotes included. */
  static String xpathLiteral(String s) {
    if (!s.contains("'")) {
      return "'" + s + "'";
    }
    if (!s.contains("\"")) {
      return "\"" + s + "\"";
    }
    return "concat('" + s.replace("'", "', \"'\", '") + "')";
  }

  /** Whether an inner step already said where it failed (nested and called steps). */
  private static boolean located(StepFailure e) {
    return e.getMessage() != null && e.getMessage().matches("(?s)^\\S+\\.ya?ml: .*");
  }

  private static String where(Scenario sc, Step step) {
    return sc.file() + ": " + step.common().path() + " (" + step.common().kind() + "): ";
  }

  private static String describe(Condition c) {
    if (c instanceof Condition.Present p) {
      return Messages.get("condition.present", p.selector());
    } else if (c instanceof Condition.Absent a) {
      return Messages.get("condition.absent", a.selector());
    } else if (c instanceof Condition.TextPresent t) {
      return Messages.get("condition.text", t.text());
    } else if (c instanceof Condition.UrlContains u) {
      return Messages.get("condition.url", u.text());
    }
    return Messages.get("condition.variable", ((Condition.VariableTrue) c).name());
  }

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).strip();
    return !s.isEmpty() && !s.equalsIgnoreCase("false") && !s.equals("0") && !s.equalsIgnoreCase("no")
        && !s.equals("いいえ") && !s.equals("なし");
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("").strip();
  }

}
