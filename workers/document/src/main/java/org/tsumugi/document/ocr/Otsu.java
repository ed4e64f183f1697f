package org.tsumugi.document.ocr;

/** Otsu's threshold: the grey level that best separates a histogram into two classes (ink and paper). */
final class Otsu {

	private Otsu() {
	}

	static int threshold(long[] histogram, long total) {
		double sum = 0;
		for (int level = 0; level < histogram.length; level++) {
			sum += (double) level * histogram[level];
		}
		double sumBelow = 0;
		long below = 0;
		double bestVariance = -1;
		int best = 128;
		for (int level = 0; level < histogram.length; level++) {
			below += histogram[level];
			if (below == 0) {
				continue;
			}
			long above = total - below;
			if (above == 0) {
				break;
			}
			sumBelow += (double) level * histogram[level];
			double meanBelow = sumBelow / below;
			double meanAbove = (sum - sumBelow) / above;
			double variance = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
			if (variance > bestVariance) {
				bestVariance = variance;
				best = level + 1;
			}
		}
		return best;
	}
}
