package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Finds and removes the small rotation of a page laid askew on a scanner. Tesseract copes with a
 * fraction of a degree but loses characters from about 1° and whole lines at 3° (docs/benchmarks.md), so a
 * page is straightened when it leans by {@link #MIN_DEGREES} or more.
 * <p>
 * The angle is the one under which the page's dark pixels fall into the sharpest rows (projection profile):
 * text lines are dense rows separated by white, and only the right angle keeps them apart. The search
 * looks at every fourth pixel of every fourth row, so it costs tens of milliseconds and keeps only the
 * coordinates of the dark pixels it sampled.
 */
final class Skew {

	/** Below this Tesseract reads as well as from a straight page, and rotating would only blur. */
	static final double MIN_DEGREES = 0.75;

	/** Scanners and fax feeders rarely lean more; beyond it a page is more likely a table or a drawing. */
	private static final double MAX_DEGREES = 5;

	private static final int STEP = 4;

	private static final int THRESHOLD_STRIDE = 7;

	private Skew() {
	}

	/** The page's lean in degrees, positive when lines run downwards to the right; 0 when none is found. */
	static double estimateDegrees(BufferedImage grey) {
		byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int width = grey.getWidth();
		int height = grey.getHeight();
		int threshold = Otsu.threshold(pixels, THRESHOLD_STRIDE);
		int count = 0;
		int[] xs = new int[1024];
		int[] ys = new int[1024];
		for (int y = 0; y < height; y += STEP) {
			for (int x = 0; x < width; x += STEP) {
				if ((pixels[y * width + x] & 0xff) < threshold) {
					if (count == xs.length) {
						xs = Arrays.copyOf(xs, count * 2);
						ys = Arrays.copyOf(ys, count * 2);
					}
					xs[count] = x;
					ys[count] = y;
					count++;
				}
			}
		}
		if (count < 100) {
			return 0;
		}
		double best = search(xs, ys, count, height, width, -MAX_DEGREES, MAX_DEGREES, 0.1);
		return search(xs, ys, count, height, width, best - 0.1, best + 0.1, 0.02);
	}

	private static double search(int[] xs, int[] ys, int count, int height, int width, double from, double to,
			double step) {
		int margin = (int) Math.ceil(width * Math.tan(Math.toRadians(MAX_DEGREES + 0.5))) + 1;
		long[] rows = new long[(height + 2 * margin) / STEP + 1];
		double bestAngle = 0;
		long bestScore = -1;
		for (double angle = from; angle <= to + 1e-9; angle += step) {
			Arrays.fill(rows, 0);
			double slope = Math.tan(Math.toRadians(angle));
			for (int i = 0; i < count; i++) {
				rows[(int) Math.round((ys[i] - xs[i] * slope + margin) / STEP)]++;
			}
			long score = 0;
			for (long row : rows) {
				score += row * row;
			}
			// ties go to the smaller lean, so a page without a clear angle is left as it is
			if (score > bestScore || (score == bestScore && Math.abs(angle) < Math.abs(bestAngle))) {
				bestScore = score;
				bestAngle = angle;
			}
		}
		return bestAngle;
	}

	/**
	 * The page turned back by {@code degrees} (bilinear). Corners the turn uncovers repeat the nearest edge
	 * pixel rather than white: on grey paper a white wedge would make an edge that a local threshold turns into
	 * black lines.
	 */
	static BufferedImage straighten(BufferedImage grey, double degrees) {
		int width = grey.getWidth();
		int height = grey.getHeight();
		byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
		// each output pixel samples the source at the position the lean moved it to
		double cos = Math.cos(Math.toRadians(degrees));
		double sin = Math.sin(Math.toRadians(degrees));
		double cx = width / 2.0;
		double cy = height / 2.0;
		for (int y = 0; y < height; y++) {
			double dy = y - cy;
			for (int x = 0; x < width; x++) {
				double dx = x - cx;
				double sx = Math.min(Math.max(cx + dx * cos - dy * sin, 0), width - 1.001);
				double sy = Math.min(Math.max(cy + dx * sin + dy * cos, 0), height - 1.001);
				int x0 = (int) sx;
				int y0 = (int) sy;
				double fx = sx - x0;
				double fy = sy - y0;
				int i = y0 * width + x0;
				double top = (source[i] & 0xff) * (1 - fx) + (source[i + 1] & 0xff) * fx;
				double bottom = (source[i + width] & 0xff) * (1 - fx) + (source[i + width + 1] & 0xff) * fx;
				target[y * width + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
			}
		}
		return out;
	}
}
