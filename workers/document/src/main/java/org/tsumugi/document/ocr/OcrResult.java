package org.tsumugi.document.ocr;

import java.util.List;
import java.util.stream.Collectors;

/** All pages of one document, first page first. */
public record OcrResult(List<OcrPage> pages) {

	public String text() {
		return pages.stream().map(OcrPage::text).collect(Collectors.joining("\n\f"));
	}

	/** The lowest page confidence: a process should look at the worst page, not the average. */
	public int minimumConfidence() {
		return pages.stream().mapToInt(OcrPage::confidence).min().orElse(0);
	}
}
