/**
 * Japanese and English OCR with Tesseract 5 from Debian, called in process through Tess4J's
 * {@code TessAPI}. Page images are handed to Tesseract as raw 8-bit grey buffers, which avoids
 * Leptonica's Java binding (whose current version does not match Debian's Leptonica). One warm
 * Tesseract handle per worker thread; pages run in parallel up to the cores available, and only as
 * many page rasters exist at once as there are threads (two per thread while a skewed page is straightened).
 * Scanned pages are prepared in Java before recognition ({@code PagePreparation}: uneven paper, speckle,
 * skew), each step only where it was measured to help.
 */
package org.tsumugi.document.ocr;
