package org.tsumugi.engine.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a timer fires: an ISO 8601 date-time, an ISO 8601 duration from the moment the timer starts, or a cycle
 * (an ISO 8601 repeating interval {@code R[n]/[start/]duration}, or a Spring cron expression as Camunda 8
 * accepts). Date-times without an offset, and cron expressions, are read in the engine's time zone.
 */
public final class TimerSchedule {
  /** Repetitions of a cycle without an end. */
  public static final int UNBOUNDED = -1;

  private final TimerDefinition.Type type;
  private final String text;
  private final int repetitions;
  private final String start;
  private final String interval;
  private final CronExpression cron;

  private TimerSchedule(TimerDefinition.Type type, String text, int repetitions, String start, String interval,
      CronExpression cron) {
    this.type = type;
    this.text = text;
    this.repetitions = repetitions;
    this.start = start;
    this.interval = interval;
    this.cron = cron;
  }

  /**
   * Reads a timer value.
   *
   * @throws IllegalArgumentException naming what does not parse
   */
  public static TimerSchedule parse(TimerDefinition.Type type, String value) {
    String text = value == null ? "" : value.strip();
    switch (type) {
      case DATE -> {
        dateTime(text, ZoneId.of("UTC"));
        return new TimerSchedule(type, text, 1, text, null, null);
      }
      case DURATION -> {
        checkDuration(text);
        return new TimerSchedule(type, text, 1, null, text, null);
      }
      default -> {
        if (!text.startsWith("R")) {
          try {
            return new TimerSchedule(type, text, UNBOUNDED, null, null, CronExpression.parse(text));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("timer cycle '" + text + "' is neither an ISO 8601 repeating interval"
                + " (R5/PT10M, R/P1D) nor a cron expression: " + e.getMessage());
          }
        }
        String[] parts = text.split("/");
        if (parts.length < 2 || parts.length > 3) {
          throw new IllegalArgumentException("timer cycle '" + text + "' must look like R5/PT10M or R/2026-01-01T09:00+09:00/P1D");
        }
        int repetitions;
        try {
          repetitions = parts[0].length() == 1 ? UNBOUNDED : Integer.parseInt(parts[0].substring(1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("timer cycle '" + text + "' has no valid repetition count: '" + parts[0] + "'");
        }
        if (repetitions == 0 || repetitions < UNBOUNDED) {
          throw new IllegalArgumentException("timer cycle '" + text + "' must repeat at least once");
        }
        String start = parts.length == 3 ? parts[1] : null;
        String interval = parts[parts.length - 1];
        if (start != null) {
          dateTime(start, ZoneId.of("UTC"));
        }
        checkDuration(interval);
        if (Duration.between(Instant.EPOCH, plus(Instant.EPOCH.atZone(ZoneId.of("UTC")), interval).toInstant()).isZero()) {
          throw new IllegalArgumentException("timer cycle '" + text + "' has an empty interval");
        }
        return new TimerSchedule(type, text, repetitions, start, interval, null);
      }
    }
  }

  public String text() {
    return text;
  }

  /** How often the timer fires: 1 for a date or duration, {@link #UNBOUNDED} for an endless cycle. */
  public int repetitions() {
    return repetitions;
  }

  /** When the timer fires first, for a timer that starts waiting at {@code now}. */
  public long firstDue(long now, ZoneId zone) {
    return switch (type) {
      case DATE -> dateTime(start, zone).toInstant().toEpochMilli();
      case DURATION -> plus(at(now, zone), interval).toInstant().toEpochMilli();
      case CYCLE -> {
        if (cron != null) {
          yield cron.next(at(now, zone)).toInstant().toEpochMilli();
        }
        yield start != null ? dateTime(start, zone).toInstant().toEpochMilli() : plus(at(now, zone), interval).toInstant().toEpochMilli();
      }
    };
  }

  /**
   * When a cycle fires next after firing at {@code due}: the first time of the cycle after {@code now}, so a
   * cycle that missed many firings while the server was down fires once, not once for each missed time.
   */
  public long nextDue(long due, long now, ZoneId zone) {
    if (cron != null) {
      return cron.next(at(Math.max(due, now), zone)).toInstant().toEpochMilli();
    }
    ZonedDateTime next = at(due, zone);
    do {
      next = plus(next, interval);
    } while (next.toInstant().toEpochMilli() <= now);
    return next.toInstant().toEpochMilli();
  }

  private static ZonedDateTime at(long millis, ZoneId zone) {
    return Instant.ofEpochMilli(millis).atZone(zone);
  }

  private static ZonedDateTime dateTime(String text, ZoneId zone) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned ? zoned : ((LocalDateTime) parsed).atZone(zone);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timer date '" + text + "' is not an ISO 8601 date-time such as"
          + " 2026-12-01T09:00:00+09:00");
    }
  }

  private static void checkDuration(String text) {
    try {
      plus(Instant.EPOCH.atZone(ZoneId.of("UTC")), text);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("timer duration '" + text + "' is not an ISO 8601 duration such as PT15M or P1D");
    }
  }

  /** Adds an ISO 8601 duration that may mix calendar parts (P1M) and clock parts (T2H). */
  private static ZonedDateTime plus(ZonedDateTime from, String duration) {
    String upper = duration.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("P") && !upper.startsWith("-P")) {
      throw new DateTimeParseException("not a duration", duration, 0);
    }
    int t = upper.indexOf('T');
    String datePart = t < 0 ? upper : upper.substring(0, t);
    String timePart = t < 0 ? null : "PT" + upper.substring(t + 1);
    ZonedDateTime result = from;
    if (!datePart.equals("P") && !datePart.equals("-P")) {
      result = result.plus(Period.parse(datePart));
    }
    if (timePart != null) {
      result = result.plus(Duration.parse(timePart));
    }
    if (result.equals(from) && t < 0 && datePart.length() <= 2) {
      throw new DateTimeParseException("empty duration", duration, 0);
    }
    return result;
  }
}
