package org.tsumugi.document.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.tsumugi.document.Pdfs;
import org.tsumugi.document.ocr.OcrLayout;
import org.tsumugi.document.ocr.OcrPage;
import org.tsumugi.document.ocr.OcrService;
import org.tsumugi.document.store.ContentTypes;

/**
 * Extracts text, form fields and metadata from a PDF, sending scanned pages to OCR. The text layer
 * is read page by page and nothing but the current page's text is held, so a long PDF costs time,
 * not memory.
 */
public class PdfExtractor {

	/** Fewer visible characters than this on a page with pictures means the page is a scan. */
	private static final int MIN_TEXT_CHARACTERS = 3;

	private final OcrService ocr;

	public PdfExtractor(OcrService ocr) {
		this.ocr = ocr;
	}

	public Extraction extract(Path file, OcrLayout layout) throws IOException {
		if (!ContentTypes.PDF.equals(ContentTypes.sniff(file))) {
			throw new DocumentProblem(Code.UNSUPPORTED_TYPE, "ファイルの中身が PDF ではありません。");
		}
		try (PDDocument document = Pdfs.open(file, ocr.settings().maxPages())) {
			List<ExtractedPage> pages = textLayer(document);
			Set<Integer> scans = new HashSet<>();
			for (ExtractedPage page : pages) {
				if (page.source() == ExtractedPage.Source.OCR) {
					scans.add(page.number());
				}
			}
			if (!scans.isEmpty()) {
				for (OcrPage read : ocr.readPdf(document, scans::contains, layout).pages()) {
					pages.set(read.number() - 1, new ExtractedPage(read.number(), read.text(),
							ExtractedPage.Source.OCR, read.confidence()));
				}
			}
			return new Extraction(List.copyOf(pages), formFields(document), metadata(document));
		}
	}

	/** Text-layer pages as they are; pages needing OCR marked with empty text for now. */
	private List<ExtractedPage> textLayer(PDDocument document) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		List<ExtractedPage> pages = new ArrayList<>();
		for (int number = 1; number <= document.getNumberOfPages(); number++) {
			stripper.setStartPage(number);
			stripper.setEndPage(number);
			String text;
			try {
				text = stripper.getText(document).strip();
			}
			catch (IOException | RuntimeException ex) {
				throw new DocumentProblem(Code.DOCUMENT_CORRUPT, "PDF の " + number + " ページ目を読み取れません。", ex);
			}
			if (text.codePoints().filter(c -> !Character.isWhitespace(c)).count() >= MIN_TEXT_CHARACTERS) {
				pages.add(new ExtractedPage(number, text, ExtractedPage.Source.TEXT_LAYER, null));
			}
			else if (hasImages(document.getPage(number - 1).getResources(), 0)) {
				pages.add(new ExtractedPage(number, "", ExtractedPage.Source.OCR, null));
			}
			else {
				pages.add(new ExtractedPage(number, text, ExtractedPage.Source.EMPTY, null));
			}
		}
		return pages;
	}

	private static boolean hasImages(PDResources resources, int depth) throws IOException {
		if (resources == null || depth > 4) {
			return false;
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			if (object instanceof PDImageXObject) {
				return true;
			}
			if (object instanceof PDFormXObject form && hasImages(form.getResources(), depth + 1)) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, String> formFields(PDDocument document) {
		Map<String, String> fields = new LinkedHashMap<>();
		PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
		if (form == null) {
			return fields;
		}
		for (PDField field : form.getFieldTree()) {
			if (!(field instanceof PDNonTerminalField)) {
				String value = field.getValueAsString();
				fields.put(field.getFullyQualifiedName(), value == null ? "" : value);
			}
		}
		return fields;
	}

	private static Map<String, String> metadata(PDDocument document) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("pageCount", Integer.toString(document.getNumberOfPages()));
		metadata.put("pdfVersion", Float.toString(document.getVersion()));
		PDDocumentInformation info = document.getDocumentInformation();
		put(metadata, "title", info.getTitle());
		put(metadata, "author", info.getAuthor());
		put(metadata, "subject", info.getSubject());
		put(metadata, "keywords", info.getKeywords());
		put(metadata, "creator", info.getCreator());
		put(metadata, "producer", info.getProducer());
		put(metadata, "created", iso(info.getCreationDate()));
		put(metadata, "modified", iso(info.getModificationDate()));
		return metadata;
	}

	private static String iso(Calendar calendar) {
		return calendar == null ? null : calendar.toInstant().atOffset(ZoneOffset.UTC).toString();
	}

	private static void put(Map<String, String> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}
}
