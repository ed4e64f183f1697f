package org.tsumugi.engine.processing;

import java.time.Clock;

/** The engine's notion of now: the system clock, unless pinned (for tests and demos). */
public final class EngineClock {
  private final Clock system;
  private volatile long pinnedMillis = -1;

  public EngineClock(Clock system) {
    this.system = system;
  }

  public long millis() {
    long pinned = pinnedMillis;
    return pinned >= 0 ? pinned : system.millis();
  }

  public void pin(long epochMillis) {
    pinnedMillis = epochMillis;
  }

  public void reset() {
    pinnedMillis = -1;
  }
}
