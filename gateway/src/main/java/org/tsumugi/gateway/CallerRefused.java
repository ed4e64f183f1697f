package org.tsumugi.gateway;

/** Why a caller may not use the gateway: unknown to it, or known but not allowed. */
public final class CallerRefused extends RuntimeException {
  private final boolean authenticated;

  private CallerRefused(boolean authenticated, String message) {
    super(message, null, false, false);
    this.authenticated = authenticated;
  }

  public static CallerRefused unauthenticated(String message) {
    return new CallerRefused(false, message);
  }

  public static CallerRefused forbidden(String message) {
    return new CallerRefused(true, message);
  }

  /** True when the caller was recognised but is refused anyway (PERMISSION_DENIED, not UNAUTHENTICATED). */
  public boolean authenticated() {
    return authenticated;
  }
}
