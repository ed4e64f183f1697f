package org.tsumugi.document.extract;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a PDF holds: text per page, form fields by fully qualified name, and document metadata. */
public record Extraction(List<ExtractedPage> pages, Map<String, String> formFields, Map<String, String> metadata) {

	/** All pages' text, pages separated by a form feed as text tools expect. */
	public String text() {
		return pages.stream().map(ExtractedPage::text).collect(Collectors.joining("\n\f"));
	}

	public List<Integer> ocrPages() {
		return pages.stream().filter(p -> p.source() == ExtractedPage.Source.OCR).map(ExtractedPage::number).toList();
	}
}
