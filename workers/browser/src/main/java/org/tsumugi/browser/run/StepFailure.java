package org.tsumugi.browser.run;

/** A step could not do its work; becomes a technical failure of the run. */
final class StepFailure extends RuntimeException {
  StepFailure(String message) {
    super(message);
  }

  StepFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
