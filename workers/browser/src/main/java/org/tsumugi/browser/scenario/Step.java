package org.tsumugi.browser.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One step of a scenario. Each kind is a record; {@link Common} carries what every step may have.
 * String fields marked "templated" may hold {@code {{variable}}} or {@code {{secret:name}}}.
 */
public sealed interface Step {

  Common common();

  /**
   * @param path where the step sits in its file, e.g. {@code steps[3].then[0]}, for messages
   * @param kind the step kind as written
   * @param label an optional human name for the step log
   * @param timeout how long the step may wait for its element or condition; null = scenario default
   * @param screenshot take a screenshot after the step
   */
  record Common(String path, String kind, String label, Duration timeout, boolean screenshot) {}

  record Open(Common common, String url) implements Step {}

  record Fill(Common common, Selector selector, String value) implements Step {}

  record Select(Common common, Selector selector, String option) implements Step {}

  record Check(Common common, Selector selector, String checked) implements Step {}

  record Click(Common common, Selector selector) implements Step {}

  /** Wait for a condition; {@code networkIdle} waits until no request has been in flight briefly. */
  record Wait(Common common, Condition condition, boolean networkIdle) implements Step {}

  /** Extract text, an attribute or a table (a list of records keyed by header) into a variable. */
  record Extract(Common common, Selector selector, String as, Mode mode, String attribute)
      implements Step {
    public enum Mode {
      TEXT,
      ALL_TEXT,
      ATTRIBUTE,
      TABLE
    }
  }

  /** Fail if the condition does not hold: with a business error code, or technically. */
  record Assert(Common common, Condition condition, String error, String message) implements Step {}

  record Screenshot(Common common, String name) implements Step {}

  /** Set a file input to a local {@code file}, or to a {@code document} from the document store. */
  record Upload(Common common, Selector selector, String file, String document) implements Step {}

  /** Click something that downloads a file and store the file as a document. */
  record Download(Common common, Selector selector, String as) implements Step {}

  /** Enter an iframe ({@code selector}), or go back to the {@code parent} or {@code top} frame. */
  record Frame(Common common, Selector selector, String target) implements Step {}

  /** Switch to the newest window ({@code new}), back to the first one ({@code main}), or close. */
  record Window(Common common, String target) implements Step {}

  /** Accept or dismiss a JavaScript dialog, optionally checking its text. */
  record Dialog(Common common, boolean accept, String expectText) implements Step {}

  record If(Common common, Condition condition, List<Step> then, List<Step> otherwise)
      implements Step {}

  /** Run the steps once per element of a list variable, the element bound to {@code as}. */
  record Repeat(Common common, String over, String as, List<Step> steps) implements Step {}

  record Call(Common common, String scenario) implements Step {}

  /** End the run with a business error the scenario declared. */
  record Fail(Common common, String error, String message) implements Step {}

  /**
   * A guarded write: its steps run only when the guard says the record is not there yet, so that a
   * job retried after a crash never enters the same record twice.
   */
  record Write(Common common, String name, Condition unless, List<Step> steps) implements Step {}
}
