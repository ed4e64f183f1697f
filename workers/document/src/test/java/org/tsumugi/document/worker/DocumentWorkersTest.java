package org.tsumugi.document.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.camunda.client.exception.BpmnError;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.tsumugi.document.DocumentProperties;
import org.tsumugi.document.TestDocuments;
import org.tsumugi.document.extract.PdfExtractor;
import org.tsumugi.document.fields.DocumentKinds;
import org.tsumugi.document.fields.FieldExtractor;
import org.tsumugi.document.ocr.OcrService;
import org.tsumugi.document.ocr.OcrSettings;
import org.tsumugi.document.render.PdfRenderer;
import org.tsumugi.document.render.TemplateLibrary;
import org.tsumugi.document.store.DiskDocumentStore;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;

/** The adapters with real services behind them, driven by jobs shaped as the engine sends them. */
class DocumentWorkersTest {

	static OcrService ocr;

	@TempDir
	Path dir;

	DocumentStore store;

	DocumentProperties properties = new DocumentProperties(null, null, null, null, null, 2, 0, 0, null, null, null,
			DataSize.ofKilobytes(64), null, null);

	FieldExtractor fields = new FieldExtractor(DocumentKinds.builtIn());

	@BeforeAll
	static void start() {
		ocr = new OcrService(OcrSettings.defaults().withParallelism(2));
	}

	@AfterAll
	static void stop() {
		ocr.close();
	}

	@BeforeEach
	void open() {
		store = new DiskDocumentStore(dir.resolve("store"), 50_000_000, Duration.ofDays(1), Clock.systemUTC());
	}

	Map<String, Object> stored(Path file) throws Exception {
		try (var in = Files.newInputStream(file)) {
			return store.store(in, file.getFileName().toString(), null).reference().toVariable();
		}
	}

	@Test
	void ocrReturnsTextPagesConfidenceAndFieldsOfTheKind() throws Exception {
		Path pdf = TestDocuments.scannedPdf(dir.resolve("scan.pdf"),
				List.of(List.of("診療情報提供書", "患者氏名 山田 花子", "生年月日 昭和40年5月6日")));

		Map<String, Object> out = new OcrWorker(store, ocr, fields, properties).handle(new FakeJob(
				"tsumugi.document.ocr", Map.of("document", stored(pdf)), Map.of("documentKind", "referral")));

		assertThat((String) out.get("text")).contains("診療情報提供書");
		assertThat((List<?>) out.get("pages")).hasSize(1);
		assertThat((Integer) out.get("minimumConfidence")).isGreaterThan(60);
		assertThat(out.get("fields")).isEqualTo(Map.of("患者氏名", "山田 花子", "生年月日", "1965-05-06"));
	}

	@Test
	void extractMarksWhichPagesWereReadByOcr() throws Exception {
		Path pdf = TestDocuments.textPdf(dir.resolve("letter.pdf"), List.of(List.of("紹介目的 精査のお願い")));

		Map<String, Object> out = new ExtractWorker(store, new PdfExtractor(ocr), fields, properties).handle(
				new FakeJob("tsumugi.document.extract", Map.of("document", stored(pdf)), Map.of()));

		assertThat(out.get("text")).isEqualTo("紹介目的 精査のお願い");
		assertThat((List<?>) out.get("ocrPages")).isEmpty();
		assertThat(out.get("metadata")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class)).containsEntry("pageCount", "1");
	}

	@Test
	void extractStoresLongTextAsADocumentInsteadOfAVariable() throws Exception {
		List<List<String>> pages = java.util.Collections.nCopies(60, List.of("検査結果の本文です。".repeat(40)));
		Path pdf = TestDocuments.textPdf(dir.resolve("long.pdf"), pages);

		Map<String, Object> out = new ExtractWorker(store, new PdfExtractor(ocr), fields, properties).handle(
				new FakeJob("tsumugi.document.extract", Map.of("document", stored(pdf)), Map.of()));

		assertThat(out).doesNotContainKey("text");
		String id = (String) ((Map<?, ?>) out.get("textDocument")).get("id");
		try (var in = store.open(id)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("検査結果の本文です。");
		}
	}

	@Test
	void renderStoresThePdfForTheProcessAndReturnsItsReference() throws Exception {
		RenderWorker worker = new RenderWorker(store, new TemplateLibrary(null),
				new PdfRenderer(TestDocuments.IPAEX_GOTHIC), Clock.fixed(Instant.parse("2024-04-01T00:00:00Z"), ZoneOffset.UTC));

		Map<String, Object> out = worker.handle(new FakeJob("tsumugi.document.render",
				Map.of("data", Map.of("作成日", "2024-04-01", "対象年月", "2024年3月", "医療機関名", "紬医院", "点検件数", 10, "指摘件数", 0,
						"修正済件数", 0, "指摘", List.of())),
				Map.of("template", "claim-report", "resultVariable", "report")));

		Map<?, ?> reference = (Map<?, ?>) out.get("report");
		StoredDocument stored = store.metadata((String) reference.get("id"));
		assertThat(stored.contentType()).isEqualTo("application/pdf");
		assertThat(stored.processInstanceKey()).isEqualTo(2251799813685249L);
		assertThat(reference.get("sha256")).isEqualTo(stored.sha256());
		String text = store.withFile(stored.id(), file -> {
			try (PDDocument document = Loader.loadPDF(file.toFile())) {
				return new PDFTextStripper().getText(document);
			}
		});
		assertThat(text).contains("レセプト点検結果報告", "紬医院");
	}

	@Nested
	class DocumentProblemsBecomeBpmnErrors {

		@Test
		void anEncryptedOrUnknownDocumentHasItsCode() {
			OcrWorker worker = new OcrWorker(store, ocr, fields, properties);

			assertThatThrownBy(() -> worker.handle(new FakeJob("tsumugi.document.ocr",
					Map.of("document", Map.of("id", "00000000-0000-0000-0000-000000000000")), Map.of())))
				.isInstanceOfSatisfying(BpmnError.class, error -> {
					assertThat(error.getErrorCode()).isEqualTo("DOCUMENT_NOT_FOUND");
					assertThat(error.getErrorMessage()).isEqualTo("文書が見つかりません。");
				});
		}

		@Test
		void aWrongFileTypeIsUnsupported() throws Exception {
			StoredDocument text = store.store(new ByteArrayInputStream("テキスト".getBytes(StandardCharsets.UTF_8)),
					"scan.pdf", null);
			ExtractWorker worker = new ExtractWorker(store, new PdfExtractor(ocr), fields, properties);

			assertThatThrownBy(() -> worker.handle(new FakeJob("tsumugi.document.extract",
					Map.of("document", text.reference().toVariable()), Map.of())))
				.isInstanceOfSatisfying(BpmnError.class,
						error -> assertThat(error.getErrorCode()).isEqualTo("UNSUPPORTED_TYPE"));
		}

		@Test
		void aMissingTemplateValueIsTemplateInvalid() {
			RenderWorker worker = new RenderWorker(store, new TemplateLibrary(null),
					new PdfRenderer(TestDocuments.IPAEX_GOTHIC));

			assertThatThrownBy(() -> worker.handle(new FakeJob("tsumugi.document.render",
					Map.of("template", "referral-letter", "data", Map.of()), Map.of())))
				.isInstanceOfSatisfying(BpmnError.class,
						error -> assertThat(error.getErrorCode()).isEqualTo("TEMPLATE_INVALID"));
		}
	}
}
