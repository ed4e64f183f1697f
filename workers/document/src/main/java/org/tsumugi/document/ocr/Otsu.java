package org.tsumugi.document.ocr;

/** Otsu's threshold: the grey level that best separates a histogram into two classes (ink and paper). */
final class Otsu {

	private Otsu() {
	}

	/**
	 * The threshold of a whole 8-bit grey page, from every {@code stride}-th pixel: enough for a histogram, and
	 * a stride that divides no usual page width does not sample the same columns over and over.
	 */
	static int threshold(byte[] pixels, int stride) {
		long[] histogram = new long[256];
		long total = 0;
		for (int i = 0; i < pixels.length; i += stride) {
			histogram[pixels[i] & 0xff]++;
			total++;
		}
		return threshold(histogram, total);
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
