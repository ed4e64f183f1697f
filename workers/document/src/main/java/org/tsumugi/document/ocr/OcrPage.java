package org.tsumugi.document.ocr;

/**
 * The text read from one page, in reading order, with Tesseract's mean word confidence (0–100).
 */
public record OcrPage(int number, String text, int confidence) {
}
