package org.tsumugi.document.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.tsumugi.document.TestDocuments;
import org.tsumugi.document.extract.ExtractedPage.Source;
import org.tsumugi.document.ocr.OcrLayout;
import org.tsumugi.document.ocr.OcrService;
import org.tsumugi.document.ocr.OcrSettings;

class PdfExtractorTest {

	static OcrService ocr;

	static PdfExtractor extractor;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		ocr = new OcrService(OcrSettings.defaults().withParallelism(2).withLimits(50_000_000L, 600));
		extractor = new PdfExtractor(ocr);
	}

	@AfterAll
	static void stop() {
		ocr.close();
	}

	@Test
	void takesTextFromTheTextLayerPageByPage() throws Exception {
		Path pdf = TestDocuments.textPdf(dir.resolve("letter.pdf"),
				List.of(List.of("診療情報提供書", "患者氏名 山田 花子"), List.of("傷病名 2型糖尿病")));

		Extraction extraction = extractor.extract(pdf, OcrLayout.HORIZONTAL);

		assertThat(extraction.pages()).extracting(ExtractedPage::source).containsExactly(Source.TEXT_LAYER,
				Source.TEXT_LAYER);
		assertThat(extraction.pages().get(0).text()).isEqualTo("診療情報提供書\n患者氏名 山田 花子");
		assertThat(extraction.pages().get(1).text()).isEqualTo("傷病名 2型糖尿病");
		assertThat(extraction.metadata()).containsEntry("pageCount", "2");
	}

	@Test
	void sendsOnlyScannedPagesToOcr() throws Exception {
		Path text = TestDocuments.textPdf(dir.resolve("text.pdf"), List.of(List.of("一枚目は文字のあるページ")));
		Path scan = TestDocuments.scannedPdf(dir.resolve("scan.pdf"), List.of(List.of("二枚目は紹介状の写し")));
		Path mixed = dir.resolve("mixed.pdf");
		try (PDDocument a = Loader.loadPDF(text.toFile()); PDDocument b = Loader.loadPDF(scan.toFile())) {
			a.importPage(b.getPage(0));
			PDPage blank = new PDPage(PDRectangle.A4);
			blank.setResources(new PDResources());
			a.addPage(blank);
			a.save(mixed.toFile());
		}

		Extraction extraction = extractor.extract(mixed, OcrLayout.HORIZONTAL);

		assertThat(extraction.pages()).extracting(ExtractedPage::source).containsExactly(Source.TEXT_LAYER,
				Source.OCR, Source.EMPTY);
		assertThat(extraction.pages().get(1).text()).contains("紹介状");
		assertThat(extraction.pages().get(1).confidence()).isGreaterThan(60);
		assertThat(extraction.ocrPages()).containsExactly(2);
	}

	@Test
	void readsAcroFormFieldsAndMetadata() throws Exception {
		Path pdf = dir.resolve("form.pdf");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDAcroForm form = new PDAcroForm(document);
			document.getDocumentCatalog().setAcroForm(form);
			PDResources resources = new PDResources();
			resources.put(org.apache.pdfbox.cos.COSName.getPDFName("Helv"),
					new PDType1Font(Standard14Fonts.FontName.HELVETICA));
			form.setDefaultResources(resources);
			form.setDefaultAppearance("/Helv 10 Tf 0 g");
			PDTextField insurer = new PDTextField(form);
			insurer.setPartialName("保険者番号");
			PDAnnotationWidget widget = insurer.getWidgets().get(0);
			widget.setRectangle(new PDRectangle(50, 700, 200, 20));
			widget.setPage(page);
			page.getAnnotations().add(widget);
			form.getFields().add(insurer);
			insurer.setValue("06130012");
			document.getDocumentInformation().setTitle("保険証の写し");
			Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
			created.setTimeInMillis(1_711_929_600_000L);
			document.getDocumentInformation().setCreationDate(created);
			document.save(pdf.toFile());
		}

		Extraction extraction = extractor.extract(pdf, OcrLayout.HORIZONTAL);

		assertThat(extraction.formFields()).containsEntry("保険者番号", "06130012");
		assertThat(extraction.metadata()).containsEntry("title", "保険証の写し")
			.containsEntry("created", "2024-04-01T00:00Z");
	}

	@Test
	void walksAFiveHundredPagePdfPageByPage() throws Exception {
		List<List<String>> pages = new ArrayList<>();
		for (int i = 1; i <= 500; i++) {
			pages.add(List.of("検査結果 第" + i + "頁"));
		}
		Path pdf = TestDocuments.textPdf(dir.resolve("long.pdf"), pages);

		Extraction extraction = extractor.extract(pdf, OcrLayout.HORIZONTAL);

		assertThat(extraction.pages()).hasSize(500);
		assertThat(extraction.pages().get(499).text()).isEqualTo("検査結果 第500頁");
	}

	@Nested
	class BadInput {

		@Test
		void aPasswordProtectedPdfIsEncrypted() throws Exception {
			Path pdf = TestDocuments.textPdf(dir.resolve("locked.pdf"), List.of(List.of("秘密")));
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
				document.save(pdf.toFile());
			}

			assertProblem(pdf, Code.DOCUMENT_ENCRYPTED);
		}

		@Test
		void aTruncatedPdfIsCorrupt() throws Exception {
			Path pdf = TestDocuments.textPdf(dir.resolve("cut.pdf"), List.of(List.of("途中で切れた")));
			byte[] bytes = Files.readAllBytes(pdf);
			TestDocuments.write(pdf, Arrays.copyOf(bytes, 40));

			assertProblem(pdf, Code.DOCUMENT_CORRUPT);
		}

		@Test
		void aPdfWithoutPagesIsEmpty() throws Exception {
			Path pdf = dir.resolve("empty.pdf");
			try (PDDocument document = new PDDocument()) {
				document.save(pdf.toFile());
			}

			assertProblem(pdf, Code.DOCUMENT_EMPTY);
		}

		@Test
		void aPdfOverThePageLimitIsRefusedBeforeAnyPageIsRead() throws Exception {
			Path pdf = TestDocuments.textPdf(dir.resolve("many.pdf"), java.util.Collections.nCopies(601, List.of("頁")));

			assertProblem(pdf, Code.DOCUMENT_TOO_MANY_PAGES);
		}

		@Test
		void aPngNamedPdfIsNotAPdf() throws Exception {
			Path fake = dir.resolve("scan.pdf");
			javax.imageio.ImageIO.write(TestDocuments.pageImage(List.of("画像"), 50), "png", fake.toFile());

			assertProblem(fake, Code.UNSUPPORTED_TYPE);
		}

		private void assertProblem(Path pdf, Code code) {
			assertThatThrownBy(() -> extractor.extract(pdf, OcrLayout.HORIZONTAL)).isInstanceOf(DocumentProblem.class)
				.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(code))
				.satisfies(ex -> assertThat(ex.getMessage()).containsPattern("\\p{IsHiragana}|\\p{IsKatakana}"));
		}
	}
}
