package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Tells a page whose paper is unevenly grey (a sheet not lying flat, a yellowed or shadowed page) from one
 * whose paper is one shade, clean or uniformly grey like a fax. Tesseract's default global (Otsu)
 * threshold turns the dark side of an uneven page into black; its local Sauvola threshold keeps the text
 * there, but on evenly lit pages it reads slightly worse than Otsu (docs/benchmarks.md), so it is chosen
 * only for uneven paper.
 */
final class PaperBackground {

	/** Grey levels between the lightest and darkest paper that make a page uneven. */
	static final int UNEVEN_RANGE = 48;

	private static final int TILES = 8;

	private static final int FLATTEN_TILES = 16;

	private static final int STEP = 4;

	private PaperBackground() {
	}

	/**
	 * Whether the paper's grey varies across the page: the paper level of each of 8 × 8 tiles is the
	 * brightness that 90 % of its sampled pixels are at or below (text leaves far more than 10 % of a tile
	 * paper). A tile that is mostly ink (a black box, a photograph) also counts as dark paper; such a page
	 * is then read with the local threshold, which costs little.
	 */
	static boolean uneven(BufferedImage grey) {
		byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int width = grey.getWidth();
		int height = grey.getHeight();
		if (width < TILES * STEP || height < TILES * STEP) {
			return false;
		}
		int lightest = 0;
		int darkest = 255;
		for (int ty = 0; ty < TILES; ty++) {
			for (int tx = 0; tx < TILES; tx++) {
				int level = paperLevel(pixels, width, tx * width / TILES, (tx + 1) * width / TILES, ty * height / TILES,
						(ty + 1) * height / TILES);
				lightest = Math.max(lightest, level);
				darkest = Math.min(darkest, level);
			}
		}
		return lightest - darkest >= UNEVEN_RANGE;
	}

	private static int paperLevel(byte[] pixels, int width, int x0, int x1, int y0, int y1) {
		int[] histogram = new int[256];
		int total = 0;
		for (int y = y0; y < y1; y += STEP) {
			for (int x = x0; x < x1; x += STEP) {
				histogram[pixels[y * width + x] & 0xff]++;
				total++;
			}
		}
		int darker = 0;
		for (int level = 0; level < 256; level++) {
			darker += histogram[level];
			if (darker >= total * 9 / 10) {
				return level;
			}
		}
		return 255;
	}
	/**
	 * Lifts unevenly grey paper to white, in place: every pixel is divided by the paper level around it (the
	 * levels of a 16 × 16 grid of tiles, interpolated between tile centres), so ink keeps its contrast to the
	 * paper beside it and Tesseract's global threshold then separates them everywhere on the page.
	 */
	static void flatten(BufferedImage grey) {
		byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int width = grey.getWidth();
		int height = grey.getHeight();
		int grid = FLATTEN_TILES;
		int[][] level = new int[grid][grid];
		for (int ty = 0; ty < grid; ty++) {
			for (int tx = 0; tx < grid; tx++) {
				level[ty][tx] = Math.max(1, paperLevel(pixels, width, tx * width / grid, (tx + 1) * width / grid,
						ty * height / grid, (ty + 1) * height / grid));
			}
		}
		double tileWidth = (double) width / grid;
		double tileHeight = (double) height / grid;
		for (int y = 0; y < height; y++) {
			double gy = Math.min(Math.max(y / tileHeight - 0.5, 0), grid - 1);
			int y0 = Math.min((int) gy, grid - 2);
			double fy = gy - y0;
			for (int x = 0; x < width; x++) {
				double gx = Math.min(Math.max(x / tileWidth - 0.5, 0), grid - 1);
				int x0 = Math.min((int) gx, grid - 2);
				double fx = gx - x0;
				double paper = (level[y0][x0] * (1 - fx) + level[y0][x0 + 1] * fx) * (1 - fy)
						+ (level[y0 + 1][x0] * (1 - fx) + level[y0 + 1][x0 + 1] * fx) * fy;
				int i = y * width + x;
				pixels[i] = (byte) Math.min(255, (int) Math.round((pixels[i] & 0xff) * 255 / paper));
			}
		}
	}
}
