package org.tsumugi.engine.processing;

/**
 * A command the engine refuses without changing any state, with the HTTP status and a detail that
 * names the problem, as the Camunda 8 REST API reports it.
 */
public final class Rejection extends RuntimeException {
  private final int status;
  private final String title;

  private Rejection(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  public static Rejection notFound(String detail) {
    return new Rejection(404, "NOT_FOUND", detail);
  }

  public static Rejection invalidArgument(String detail) {
    return new Rejection(400, "INVALID_ARGUMENT", detail);
  }

  public static Rejection forbidden(String detail) {
    return new Rejection(403, "FORBIDDEN", detail);
  }

  public static Rejection invalidState(String detail) {
    return new Rejection(409, "INVALID_STATE", detail);
  }

  public static Rejection unavailable(String detail) {
    return new Rejection(503, "UNAVAILABLE", detail);
  }

  public static Rejection timeout(String detail) {
    return new Rejection(504, "DEADLINE_EXCEEDED", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
