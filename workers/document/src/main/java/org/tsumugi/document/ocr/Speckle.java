package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Removes the specks of dust and toner a scanner or fax leaves, which Tesseract reads as dots, commas and
 * stray strokes. A speck is a dark spot that fits in 3 × 3 pixels with nothing dark in the ring of pixels
 * around it. At 300 dpi the smallest mark of print (a full stop, a dakuten) is larger, but at fax resolution
 * it may not be, so specks are removed only from a page that has many of them: a clean page is left
 * untouched.
 */
final class Speckle {

	/** Specks per million pixels from which a page counts as speckled (a clean page has next to none). */
	static final int SPECKLED_PER_MILLION = 20;

	private static final int SAMPLE_STRIDE = 7;

	private static final int COUNT_ROW_STEP = 4;

	private Speckle() {
	}

	/**
	 * Removes the specks in place when there are enough of them; returns how many dark pixels were specks
	 * (estimated from a sample when they were too few to remove).
	 */
	static int clean(BufferedImage grey) {
		byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int width = grey.getWidth();
		int height = grey.getHeight();
		int threshold = Otsu.threshold(pixels, SAMPLE_STRIDE);
		// counting on every fourth row is enough to tell, and keeps the cost on clean pages low
		long specks = (long) scan(pixels, width, height, threshold, COUNT_ROW_STEP, false) * COUNT_ROW_STEP;
		if (specks * 1_000_000 / ((long) width * height) >= SPECKLED_PER_MILLION) {
			return scan(pixels, width, height, threshold, 1, true);
		}
		return (int) specks;
	}

	private static int scan(byte[] pixels, int width, int height, int threshold, int rowStep, boolean erase) {
		int specks = 0;
		for (int y = 2; y < height - 2; y += rowStep) {
			for (int x = 2; x < width - 2; x++) {
				int i = y * width + x;
				if ((pixels[i] & 0xff) >= threshold) {
					continue;
				}
				int paper = ring(pixels, width, i, threshold);
				if (paper < 0) {
					continue;
				}
				specks++;
				if (erase) {
					for (int dy = -1; dy <= 1; dy++) {
						for (int dx = -1; dx <= 1; dx++) {
							pixels[i + dy * width + dx] = (byte) paper;
						}
					}
				}
			}
		}
		return specks;
	}

	/** The lightest level of the 16 pixels two steps around {@code i}, or -1 when one of them is dark. */
	private static int ring(byte[] pixels, int width, int i, int threshold) {
		int lightest = 0;
		for (int d = -2; d <= 2; d++) {
			int[] around = { i - 2 * width + d, i + 2 * width + d, i + d * width - 2, i + d * width + 2 };
			for (int j : around) {
				int value = pixels[j] & 0xff;
				if (value < threshold) {
					return -1;
				}
				lightest = Math.max(lightest, value);
			}
		}
		return lightest;
	}
}
