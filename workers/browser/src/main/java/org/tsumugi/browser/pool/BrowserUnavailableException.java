package org.tsumugi.browser.pool;

/** No browser could be started or leased; the message tells an operator what to do. */
public final class BrowserUnavailableException extends RuntimeException {

  BrowserUnavailableException(String message) {
    super(message);
  }

  BrowserUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
