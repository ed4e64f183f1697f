package org.tsumugi.server.monshin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (a client address, a link) in a sliding window and refuses those over the
 * limit, so a flood from one phone or one leaked clinic link cannot start intakes by the hundred. In
 * memory: a restart forgets the counts, which only gives a flood a fresh window.
 */
class SubmissionLimiter {
  private final int limit;
  private final long windowMillis;
  private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

  SubmissionLimiter(int limit, long windowMillis) {
    this.limit = limit;
    this.windowMillis = windowMillis;
  }

  /** Records an attempt; false when the key already used up its window. */
  boolean allow(String key, long now) {
    if (attempts.size() > 10_000) {
      forgetIdle(now);
    }
    Deque<Long> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  long windowSeconds() {
    return Math.max(1, windowMillis / 1000);
  }

  private void forgetIdle(long now) {
    attempts.entrySet().removeIf(entry -> {
      synchronized (entry.getValue()) {
        return entry.getValue().isEmpty() || entry.getValue().peekLast() <= now - windowMillis;
      }
    });
  }
}
