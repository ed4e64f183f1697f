package org.tsumugi.server.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Engine times (epoch milliseconds) as a hospital reads them: local date and time, minutes. */
public final class Dates {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Dates() {}

  public static String show(Long epochMillis) {
    return epochMillis == null || epochMillis == 0 ? "" : SHOWN.format(Instant.ofEpochMilli(epochMillis)
        .atZone(ZoneId.systemDefault()));
  }
}
