package org.tsumugi.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.tsumugi.document.TestDocuments;

class OcrServiceTest {

	static OcrService ocr;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		ocr = new OcrService(OcrSettings.defaults().withParallelism(2));
	}

	@AfterAll
	static void stop() {
		ocr.close();
	}

	@Test
	void readsJapaneseFromAPngWithConfidence() throws Exception {
		Path png = dir.resolve("scan.png");
		ImageIO.write(TestDocuments.pageImage(List.of("診療情報提供書", "患者氏名 山田 花子"), 300), "png", png.toFile());

		OcrResult result = ocr.read(png, OcrLayout.HORIZONTAL);

		assertThat(result.pages()).hasSize(1);
		assertThat(result.pages().get(0).text()).contains("診療情報提供書").contains("山田");
		assertThat(result.pages().get(0).confidence()).isBetween(70, 100);
	}

	@Test
	void readsEveryPageOfAScannedPdfInOrder() throws Exception {
		Path pdf = TestDocuments.scannedPdf(dir.resolve("scan.pdf"),
				List.of(List.of("一ページ目 紹介状"), List.of("二ページ目 検査結果"), List.of("三ページ目 処方")));

		OcrResult result = ocr.read(pdf, OcrLayout.HORIZONTAL);

		assertThat(result.pages()).extracting(OcrPage::number).containsExactly(1, 2, 3);
		assertThat(result.pages().get(0).text()).contains("紹介状");
		assertThat(result.pages().get(1).text()).contains("検査結果");
		assertThat(result.pages().get(2).text()).contains("処方");
	}

	@Test
	void holdsAtMostOneRasterMoreThanItHasThreadsHoweverLongThePdf() throws Exception {
		Path pdf = TestDocuments.scannedPdf(dir.resolve("long-scan.pdf"),
				java.util.Collections.nCopies(12, List.of("長い文書の一ページ")));

		try (OcrService twoThreads = new OcrService(OcrSettings.defaults().withParallelism(2))) {
			assertThat(twoThreads.read(pdf, OcrLayout.HORIZONTAL).pages()).hasSize(12);
			assertThat(twoThreads.peakRasters()).isBetween(1, 3);
		}
	}

	@Test
	void readsEachFrameOfAMultiPageTiff() throws Exception {
		Path tiff = dir.resolve("fax.tif");
		ImageTiffs.write(tiff, List.of(TestDocuments.pageImage(List.of("第一葉 血液検査"), 200),
				TestDocuments.pageImage(List.of("第二葉 尿検査"), 200)));

		OcrResult result = ocr.read(tiff, OcrLayout.HORIZONTAL);

		assertThat(result.pages()).hasSize(2);
		assertThat(result.pages().get(1).text()).contains("尿検査");
	}

	@Test
	void stretchesAFaxAtNormalResolutionBackToSquarePixels() throws Exception {
		List<String> lines = List.of("ＦＡＸ送信票 検査依頼書", "患者氏名 山田 花子 様", "至急のご対応をお願いいたします");
		BufferedImage square = TestDocuments.pageImage(lines, 204);
		BufferedImage fax = new BufferedImage(square.getWidth(), square.getHeight() * 98 / 204, BufferedImage.TYPE_BYTE_GRAY);
		java.awt.Graphics2D g = fax.createGraphics();
		g.drawImage(square, 0, 0, fax.getWidth(), fax.getHeight(), null);
		g.dispose();
		Path tiff = dir.resolve("fax.tif");
		ImageTiffs.write(tiff, List.of(fax), 204, 98);

		String text = ocr.read(tiff, OcrLayout.HORIZONTAL).text();

		// squashed, it read as 「ビ人ムへニニ二信守検査仁頼婦」; a 98 dpi fax still loses some detail (子 → 了)
		assertThat(text).contains("検査依頼書").contains("患者氏名 山田").contains("至急のご対応をお願いいたします");
	}

	@Test
	void readsAJpegScan() throws Exception {
		Path jpeg = dir.resolve("photo.jpg");
		ImageIO.write(TestDocuments.pageImage(List.of("検体採取日 令和6年4月1日"), 300), "jpeg", jpeg.toFile());

		assertThat(ocr.read(jpeg, OcrLayout.HORIZONTAL).text()).contains("検体採取日");
	}

	@Test
	void givesUpOnAPageThatTakesLongerThanItsDeadline() throws Exception {
		Path png = dir.resolve("dense.png");
		ImageIO.write(TestDocuments.pageImage(java.util.Collections.nCopies(30, "検査結果の所見を記載します。".repeat(3)), 300),
				"png", png.toFile());

		try (OcrService impatient = new OcrService(new OcrSettings(OcrSettings.DEBIAN_TESSDATA, 1, 50_000_000L, 10, 300,
				java.time.Duration.ofMillis(1)))) {
			assertThatThrownBy(() -> impatient.read(png, OcrLayout.HORIZONTAL)).isInstanceOf(DocumentProblem.class)
				.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.OCR_TIMEOUT));
		}
	}

	@Test
	void readsVerticalJapaneseWhenAskedTo() throws Exception {
		Path png = dir.resolve("tategaki.png");
		ImageIO.write(TestDocuments.verticalPageImage(List.of("紹介状をお送りします", "よろしくお願いします"), 300), "png",
				png.toFile());

		OcrResult result = ocr.read(png, OcrLayout.VERTICAL);

		assertThat(result.text().replaceAll("\\s", "")).contains("紹介状をお送りします").contains("よろしくお願いします");
	}

	@Test
	void keepsTesseractToOneOpenMpThreadOnItsOwnThreads() throws Exception {
		int[] seen = new int[1];
		Thread thread = new Thread(() -> {
			OpenMp.singleThreadForCurrentThread();
			seen[0] = OpenMp.maxThreadsForCurrentThread();
		});
		thread.start();
		thread.join();

		assertThat(seen[0]).isEqualTo(1);
	}

	@Nested
	class BadInput {

		@Test
		void aTextFileNamedPdfIsRefusedAsUnsupported() {
			Path fake = TestDocuments.write(dir.resolve("letter.pdf"), "これはPDFではありません".getBytes());

			assertThatThrownBy(() -> ocr.read(fake, OcrLayout.HORIZONTAL)).isInstanceOf(DocumentProblem.class)
				.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.UNSUPPORTED_TYPE));
		}

		@Test
		void aTwentyThousandPixelSquareImageIsRefusedBeforeItIsDecoded() {
			Path huge = TestDocuments.write(dir.resolve("huge.png"), Pngs.headerOnly(20_000, 20_000));

			assertThatThrownBy(() -> ocr.read(huge, OcrLayout.HORIZONTAL)).isInstanceOf(DocumentProblem.class)
				.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.IMAGE_TOO_LARGE));
		}

		@Test
		void aTruncatedPngIsCorrupt() throws Exception {
			Path png = dir.resolve("cut.png");
			ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
			byte[] whole = java.nio.file.Files.readAllBytes(png);
			TestDocuments.write(png, java.util.Arrays.copyOf(whole, 60));

			assertThatThrownBy(() -> ocr.read(png, OcrLayout.HORIZONTAL)).isInstanceOf(DocumentProblem.class)
				.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.DOCUMENT_CORRUPT));
		}
	}
}
