package org.tsumugi.document.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.w3c.dom.NodeList;

/**
 * The resolution an image says it was scanned at. Fax machines send 204 × 98 dpi ("normal") or
 * 204 × 196 dpi ("fine"): pixels twice as tall as wide, which squashes every character for
 * Tesseract. Such pages are stretched back to square pixels before OCR.
 */
record ImageResolution(double horizontalDpi, double verticalDpi) {

	/** Resolutions outside this range are metadata mistakes (72 "dpi" screenshots, 0, 1). */
	private static final double MIN_DPI = 50;

	private static final double MAX_DPI = 1200;

	/** The resolution from the image's standard metadata, or the fallback when it has none. */
	static ImageResolution of(IIOMetadata metadata, int fallbackDpi) {
		double horizontal = dpi(metadata, "HorizontalPixelSize");
		double vertical = dpi(metadata, "VerticalPixelSize");
		if (horizontal <= 0 && vertical <= 0) {
			return new ImageResolution(fallbackDpi, fallbackDpi);
		}
		if (horizontal <= 0) {
			horizontal = vertical;
		}
		if (vertical <= 0) {
			vertical = horizontal;
		}
		return new ImageResolution(horizontal, vertical);
	}

	boolean squarePixels() {
		return Math.abs(horizontalDpi - verticalDpi) <= 0.1 * horizontalDpi;
	}

	/** The dpi to tell Tesseract once pixels are square. */
	int dpi() {
		return (int) Math.round(Math.max(horizontalDpi, verticalDpi));
	}

	/** Stretches the short axis so both run at {@link #dpi()}. */
	BufferedImage toSquarePixels(BufferedImage grey) {
		int width = (int) Math.round(grey.getWidth() * dpi() / horizontalDpi);
		int height = (int) Math.round(grey.getHeight() * dpi() / verticalDpi);
		BufferedImage square = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = square.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(grey, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return square;
	}

	private static double dpi(IIOMetadata metadata, String element) {
		if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
			return -1;
		}
		IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
		NodeList nodes = root.getElementsByTagName(element);
		if (nodes.getLength() == 0) {
			return -1;
		}
		try {
			double millimetresPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
			double dpi = 25.4 / millimetresPerPixel;
			return dpi >= MIN_DPI && dpi <= MAX_DPI ? dpi : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}
}
