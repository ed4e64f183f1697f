package org.tsumugi.browser.run;

import org.tsumugi.browser.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openqa.selenium.WebDriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.browser.evidence.EvidenceStore;
import org.tsumugi.browser.pool.BrowserPool;
import org.tsumugi.browser.pool.BrowserUnavailableException;
import org.tsumugi.browser.scenario.Scenario;
import org.tsumugi.browser.scenario.ScenarioCatalog;
import org.tsumugi.browser.vault.CredentialVault;

/**
 * The browser-robot service: leases a browser, plays a scenario, stores the evidence and says how
 * it ended. Knows nothing of Camunda; thread-safe (each run has its own browser).
 */
public final class BrowserRobot {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserRobot.class);

  private final ScenarioCatalog catalog;
  private final BrowserPool pool;
  private final CredentialVault vault;
  private final EvidenceStore evidence;
  private final Map<String, String> targetUrls;

  /**
   * @param targetUrls base URL per target system, overriding the scenarios' own {@code baseUrl}
   *     (each hospital's EMR lives at its own address)
   */
  public BrowserRobot(ScenarioCatalog catalog, BrowserPool pool, CredentialVault vault,
      EvidenceStore evidence, Map<String, String> targetUrls) {
    this.catalog = catalog;
    this.pool = pool;
    this.vault = vault;
    this.evidence = evidence;
    this.targetUrls = Map.copyOf(targetUrls);
  }

  public RunOutcome run(RunRequest request) {
    long start = System.nanoTime();
    Scenario scenario;
    try {
      scenario = catalog.get(request.scenario());
    } catch (IllegalArgumentException e) {
      return new RunOutcome.TechnicalFailure(e.getMessage(), new RunOutcome.Evidence(null, List.of()));
    }
    BrowserPool.Lease lease;
    try {
      lease = pool.acquire();
    } catch (BrowserUnavailableException e) {
      LOG.warn("Robot run {} ({}): no browser: {}", request.runId(), scenario.name(), e.getMessage());
      return new RunOutcome.TechnicalFailure(e.getMessage(), new RunOutcome.Evidence(null, List.of()));
    }
    ScenarioRun run = null;
    RunOutcome outcome;
    String status;
    try {
      run = new ScenarioRun(catalog, lease.session(), evidence, targetUrls, request, secrets());
      Map<String, Object> vars = run.play(scenario);
      status = "completed";
      keepLogin(lease, scenario);
      outcome = completed(vars, run);
    } catch (BusinessFailure e) {
      status = "business-error " + e.code();
      keepLogin(lease, scenario);
      run.screenshot("business-error");
      outcome = new RunOutcome.BusinessError(e.code(), e.getMessage(), new RunOutcome.Evidence(run.storeLog(status), run.screenshots()));
    } catch (StepFailure | WebDriverException e) {
      boolean crashed = !alive(lease);
      if (crashed) {
        lease.markBroken();
        status = "browser-crashed";
      } else {
        status = "failed";
        if (run != null) {
          run.screenshot("failure");
        }
      }
      String message = crashed
          ? Messages.get("run.crashed", ScenarioRun.firstLine(e))
          : e instanceof StepFailure ? e.getMessage() : Messages.get("run.browserError", ScenarioRun.firstLine(e));
      outcome = new RunOutcome.TechnicalFailure(message, run == null
          ? new RunOutcome.Evidence(null, List.of())
          : new RunOutcome.Evidence(run.storeLog(status), run.screenshots()));
    } finally {
      lease.close();
    }
    // Scenario and status only: values typed or read are patient data and stay out of logs.
    LOG.info("Robot run {} ({}) {} in {} ms", request.runId(), scenario.name(), status, (System.nanoTime() - start) / 1_000_000);
    return outcome;
  }

  private RunOutcome completed(Map<String, Object> vars, ScenarioRun run) {
    RunOutcome.Evidence ev = new RunOutcome.Evidence(run.storeLog("completed"), run.screenshots());
    Map<String, Object> out = new LinkedHashMap<>(vars);
    out.put("browserEvidence", evidenceVariable(ev));
    return new RunOutcome.Completed(out, ev);
  }

  /** The {@code browserEvidence} variable: references in the shape the evidence store gives them. */
  public Map<String, Object> evidenceVariable(RunOutcome.Evidence ev) {
    return ev.asVariable(evidence::toVariable);
  }

  private void keepLogin(BrowserPool.Lease lease, Scenario scenario) {
    String base = targetUrls.getOrDefault(scenario.target(), scenario.baseUrl());
    if (base != null) {
      try {
        String host = java.net.URI.create(base).getHost();
        if (host != null) {
          lease.keepLogin(host, scenario.session().keepLogin());
        }
      } catch (IllegalArgumentException e) {
        // A malformed base URL already failed the run's open steps; nothing to keep.
      }
    }
  }

  private static boolean alive(BrowserPool.Lease lease) {
    try {
      lease.session().driver().getWindowHandles();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private UnaryOperator<String> secrets() {
    return name -> {
      if (vault == null) {
        throw new StepFailure(Messages.get("run.noVault", name));
      }
      try {
        return vault.reveal(name);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new StepFailure(e.getMessage());
      }
    };
  }
}
