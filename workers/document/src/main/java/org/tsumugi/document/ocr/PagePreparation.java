package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;

/**
 * What is done to a page image before Tesseract reads it, each step only where it measurably helps and only
 * on a page that needs it (docs/benchmarks.md, "Session 4"): unevenly grey paper is lifted to white
 * ({@link PaperBackground}), a page full of specks is cleaned ({@link Speckle}), and a page leaning
 * {@link Skew#MIN_DEGREES} or more is straightened ({@link Skew}). A clean page passes through untouched.
 * The first two work in place on the page's raster; straightening makes one more raster of the page's size,
 * so a page thread holds at most two at a time.
 */
final class PagePreparation {

	private PagePreparation() {
	}

	/**
	 * @param pixels the page to give Tesseract
	 * @param flattened whether uneven paper was lifted to white
	 * @param specks specks found (removed when there were enough to count as a speckled page)
	 * @param straightenedDegrees the lean taken out, 0 when the page was not turned
	 */
	record Prepared(BufferedImage pixels, boolean flattened, int specks, double straightenedDegrees) {
	}

	/** Prepares a page raster that belongs to the caller alone: it may be changed in place. */
	static Prepared prepare(BufferedImage grey) {
		boolean uneven = PaperBackground.uneven(grey);
		if (uneven) {
			PaperBackground.flatten(grey);
		}
		int specks = Speckle.clean(grey);
		double lean = Skew.estimateDegrees(grey);
		if (Math.abs(lean) < Skew.MIN_DEGREES) {
			return new Prepared(grey, uneven, specks, 0);
		}
		return new Prepared(Skew.straighten(grey, lean), uneven, specks, lean);
	}
}
