package org.tsumugi.server.dashboard;

import java.util.List;

/**
 * Percentiles interpolated between the two nearest values, the way Excel's PERCENTILE.INC does, so a
 * process owner who recomputes from the CSV gets the same number.
 */
final class Percentile {
  private Percentile() {}

  /** The p-th (0..1) percentile of the values, or null when there are none. */
  static Double of(List<Double> values, double p) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }
}
