package org.tsumugi.engine.api;

import org.tsumugi.engine.processing.Rejection;

/** Keys travel as strings in the API; a key that is not a number is the caller's mistake. */
final class Keys {
  private Keys() {}

  static long parse(String key, String what) {
    try {
      return Long.parseLong(key.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw Rejection.invalidArgument(what + " must be a numeric key, but was '" + key + "'");
    }
  }

  static String format(long key) {
    return Long.toString(key);
  }
}
