package org.tsumugi.document.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Makes what a scanner or fax machine makes of a clean page: a slightly rotated sheet, speckle, a grey
 * background that darkens towards one side, a low-contrast fax. Deterministic (fixed seeds), so a figure
 * measured on these pages can be guarded.
 */
final class ScannedPages {

	private ScannedPages() {
	}

	/** The page turned by {@code degrees} (clockwise) about its centre, the uncovered corners white. */
	static BufferedImage rotated(BufferedImage page, double degrees) {
		BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, out.getWidth(), out.getHeight());
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
					page.getHeight() / 2.0), null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/** Dark specks of one to two pixels, {@code perMillion} of them per million pixels. */
	static BufferedImage speckled(BufferedImage page, int perMillion, long seed) {
		BufferedImage out = copy(page);
		Random random = new Random(seed);
		long specks = (long) out.getWidth() * out.getHeight() * perMillion / 1_000_000;
		for (long i = 0; i < specks; i++) {
			int x = random.nextInt(out.getWidth() - 1);
			int y = random.nextInt(out.getHeight() - 1);
			int size = 1 + random.nextInt(2);
			for (int dy = 0; dy < size; dy++) {
				for (int dx = 0; dx < size; dx++) {
					out.getRaster().setSample(x + dx, y + dy, 0, 40 + random.nextInt(60));
				}
			}
		}
		return out;
	}

	/**
	 * Paper that greys from {@code lightest} on the left to {@code darkest} on the right (a page not lying flat
	 * on the glass, a yellowed sheet), ink kept as dark as it was.
	 */
	static BufferedImage unevenBackground(BufferedImage page, int lightest, int darkest) {
		BufferedImage out = copy(page);
		int width = out.getWidth();
		for (int y = 0; y < out.getHeight(); y++) {
			for (int x = 0; x < width; x++) {
				int paper = lightest + (darkest - lightest) * x / width;
				int value = out.getRaster().getSample(x, y, 0);
				out.getRaster().setSample(x, y, 0, value * paper / 255);
			}
		}
		return out;
	}

	/**
	 * A low-contrast fax: ink lifted to {@code ink}, paper lowered to {@code paper}, with grain of ±{@code grain}
	 * grey levels on every pixel.
	 */
	static BufferedImage lowContrast(BufferedImage page, int ink, int paper, int grain, long seed) {
		BufferedImage out = copy(page);
		Random random = new Random(seed);
		for (int y = 0; y < out.getHeight(); y++) {
			for (int x = 0; x < out.getWidth(); x++) {
				int value = ink + (paper - ink) * out.getRaster().getSample(x, y, 0) / 255
						+ random.nextInt(2 * grain + 1) - grain;
				out.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, value)));
			}
		}
		return out;
	}

	private static BufferedImage copy(BufferedImage page) {
		BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		out.getRaster().setRect(page.getRaster());
		return out;
	}
}
