package org.tsumugi.document.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;

/** Turns pages into the 8-bit grey rasters Tesseract is given, within a pixel budget. */
final class PageImages {

	/** Below this Japanese strokes merge and OCR is not worth running. */
	private static final int MIN_DPI = 100;

	private PageImages() {
	}

	/**
	 * The resolution to render a PDF page at: the requested one, lowered for pages so large (A0
	 * posters, scans with wrong page boxes) that their raster would exceed the pixel budget.
	 */
	static int dpiFor(PDPage page, int requestedDpi, long maxPixels) {
		PDRectangle box = page.getCropBox();
		double widthInches = Math.abs(box.getWidth()) / 72.0;
		double heightInches = Math.abs(box.getHeight()) / 72.0;
		double area = Math.max(widthInches * heightInches, 1e-6);
		int dpi = (int) Math.min(requestedDpi, Math.floor(Math.sqrt(maxPixels / area)));
		if (dpi < MIN_DPI) {
			throw tooLarge();
		}
		return dpi;
	}

	static BufferedImage render(PDFRenderer renderer, PDDocument document, int pageIndex, int dpi) {
		try {
			return renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
		}
		catch (IOException | RuntimeException ex) {
			throw new DocumentProblem(Code.DOCUMENT_CORRUPT, "PDF の " + (pageIndex + 1) + " ページ目を画像にできません。",
					ex);
		}
	}

	static PDFRenderer renderer(PDDocument document) {
		PDFRenderer renderer = new PDFRenderer(document);
		// Large embedded scans are drawn from a subsampled copy instead of decoded in full.
		renderer.setSubsamplingAllowed(true);
		return renderer;
	}

	/** Tesseract reads one byte per pixel; anything else (colour, 1-bit fax, palette) is converted. */
	static BufferedImage grey(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
				&& image.getRaster().getDataBuffer().getSize() == image.getWidth() * image.getHeight()) {
			return image;
		}
		BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = grey.createGraphics();
		try {
			g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
		}
		finally {
			g.dispose();
		}
		return grey;
	}

	static DocumentProblem tooLarge() {
		return new DocumentProblem(Code.IMAGE_TOO_LARGE, "画像が大きすぎるため文字認識できません。解像度を下げて登録してください。");
	}
}
