package org.tsumugi.engine.model;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** User task dates are ISO 8601 date-times with an offset (or a zone, as FEEL prints them). */
public final class UserTaskDates {
  private UserTaskDates() {}

  /**
   * @return epoch milliseconds
   * @throws IllegalArgumentException when the text is no such date-time
   */
  public static long parse(String text) {
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException offsetOnly) {
      try {
        return ZonedDateTime.parse(value).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 date-time", e);
      }
    }
  }
}
