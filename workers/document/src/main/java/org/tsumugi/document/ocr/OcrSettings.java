package org.tsumugi.document.ocr;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits and locations for OCR.
 * @param tessdata Tesseract's trained data directory (Debian: /usr/share/tesseract-ocr/5/tessdata)
 * @param parallelism pages read at the same time; also the number of page rasters held in memory
 * @param maxPixels largest page raster accepted; 20,000 × 20,000 would need 400 MB of grey pixels
 * @param maxPages pages per document
 * @param dpi resolution PDFs are rendered at; 300 is what Tesseract's models were trained near
 * @param pageDeadline how long one page may take before it is given up
 * @param preprocessing lift unevenly grey paper to white, clean speckled pages and straighten pages scanned
 *        askew ({@link PagePreparation}); clean pages are left as they are either way
 */
public record OcrSettings(Path tessdata, int parallelism, long maxPixels, int maxPages, int dpi,
		Duration pageDeadline, boolean preprocessing) {

	public OcrSettings(Path tessdata, int parallelism, long maxPixels, int maxPages, int dpi, Duration pageDeadline) {
		this(tessdata, parallelism, maxPixels, maxPages, dpi, pageDeadline, true);
	}

	public static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");

	public static OcrSettings defaults() {
		return new OcrSettings(DEBIAN_TESSDATA, Runtime.getRuntime().availableProcessors(), 50_000_000L, 1000, 300,
				Duration.ofMinutes(2));
	}

	public OcrSettings withParallelism(int threads) {
		return new OcrSettings(tessdata, threads, maxPixels, maxPages, dpi, pageDeadline, preprocessing);
	}

	public OcrSettings withLimits(long pixels, int pages) {
		return new OcrSettings(tessdata, parallelism, pixels, pages, dpi, pageDeadline, preprocessing);
	}

	public OcrSettings withTessdata(Path directory) {
		return new OcrSettings(directory, parallelism, maxPixels, maxPages, dpi, pageDeadline, preprocessing);
	}

	public OcrSettings withPreprocessing(boolean on) {
		return new OcrSettings(tessdata, parallelism, maxPixels, maxPages, dpi, pageDeadline, on);
	}
}
