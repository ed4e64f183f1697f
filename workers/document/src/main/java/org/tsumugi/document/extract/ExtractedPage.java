package org.tsumugi.document.extract;

/**
 * One page's text and where it came from.
 * @param confidence OCR confidence 0–100; null for text taken from the text layer
 */
public record ExtractedPage(int number, String text, Source source, Integer confidence) {

	public enum Source {
		/** the PDF's own text */
		TEXT_LAYER,
		/** read by OCR because the page had pictures but no text */
		OCR,
		/** neither text nor pictures: a blank page */
		EMPTY
	}
}
