package org.tsumugi.browser.job;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps a running job's lock: when less than half an extension is left before the job's deadline,
 * asks the engine for a new deadline one extension away. Without it a slow EMR lets the job time
 * out and a second robot picks up the same job while the first is still typing.
 */
final class TimeoutExtender implements Runnable {

  private final Duration extension;
  private final LongSupplier clockMillis;
  private final Consumer<Duration> extend;
  private long deadlineMillis;

  TimeoutExtender(long deadlineMillis, Duration extension, LongSupplier clockMillis, Consumer<Duration> extend) {
    this.deadlineMillis = deadlineMillis;
    this.extension = extension;
    this.clockMillis = clockMillis;
    this.extend = extend;
  }

  @Override
  public void run() {
    long now = clockMillis.getAsLong();
    if (deadlineMillis - now < extension.toMillis() / 2) {
      extend.accept(extension);
      deadlineMillis = now + extension.toMillis();
    }
  }
}
