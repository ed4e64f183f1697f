package org.tsumugi.server.security;

/** A change to a user that cannot be made; names the field at fault for the page or the API. */
public class UserChangeException extends RuntimeException {
  private final String field;

  public UserChangeException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
