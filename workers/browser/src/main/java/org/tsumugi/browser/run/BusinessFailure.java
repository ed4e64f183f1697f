package org.tsumugi.browser.run;

/** The scenario raised one of its declared business errors. */
final class BusinessFailure extends RuntimeException {
  private final String code;

  BusinessFailure(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }
}
