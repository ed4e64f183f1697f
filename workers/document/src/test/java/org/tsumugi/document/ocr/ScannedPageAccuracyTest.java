package org.tsumugi.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.document.TestDocuments;
import org.tsumugi.document.bench.AccuracyCorpus;
import org.tsumugi.document.render.PdfRenderer;

/**
 * Scans made from a clean page (the 38-line referral/問診/lab set at 300 dpi) the way a scanner or fax spoils
 * it, read through the production path as PNG files. Each floor is below what the page preparation reaches
 * and above what Tesseract reads from the same scan without it (docs/benchmarks.md, "Session 4"), so each
 * test fails when the preparation is switched off.
 */
class ScannedPageAccuracyTest {

	private static final String EXPECTED = String.join("\n", AccuracyCorpus.REFERRAL_LAB_MONSHIN);

	private static BufferedImage clean;

	@TempDir
	Path dir;

	@BeforeAll
	static void printAndRasterise() throws Exception {
		byte[] pdf = new PdfRenderer(TestDocuments.IPAEX_GOTHIC).render(
				AccuracyCorpus.template("精度確認（別の文）", AccuracyCorpus.REFERRAL_LAB_MONSHIN), Map.of(), "精度確認",
				Instant.EPOCH);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			clean = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
		}
	}

	/** Without preparation 95.73% (2°); straightened 97.67%. */
	@Test
	void readsAPageScannedTwoDegreesAskew() throws Exception {
		assertThat(read(ScannedPages.rotated(clean, 2.0))).isGreaterThanOrEqualTo(0.97);
	}

	/**
	 * Without preparation 80.14%: whole lines are lost at 3° clockwise (3° the other way Tesseract still read at
	 * 97.21%); straightened 98.45%.
	 */
	@Test
	void readsAPageScannedThreeDegreesAskew() throws Exception {
		assertThat(read(ScannedPages.rotated(clean, 3.0))).isGreaterThanOrEqualTo(0.975);
	}

	/**
	 * Paper greying from 250 to 120 across the page, so the text on the right stands in low contrast: without
	 * preparation 88.36% (Tesseract's global threshold blackens the dark side), lifted to white 98.68%.
	 */
	@Test
	void readsAPageOnUnevenlyGreyPaper() throws Exception {
		assertThat(read(ScannedPages.unevenBackground(clean, 250, 120))).isGreaterThanOrEqualTo(0.975);
	}

	/** 2,000 specks per million pixels: without preparation 82.78%, cleaned 97.91%. */
	@Test
	void readsASpeckledPage() throws Exception {
		assertThat(read(ScannedPages.speckled(clean, 2000, 1))).isGreaterThanOrEqualTo(0.97);
	}

	/** All at once, as a bad fax: 85.88% without preparation, 98.37% with it. */
	@Test
	void readsAnAskewSpeckledPageOnUnevenPaper() throws Exception {
		BufferedImage scan = ScannedPages.speckled(
				ScannedPages.rotated(ScannedPages.unevenBackground(clean, 245, 140), 1.5), 1000, 3);
		assertThat(read(scan)).isGreaterThanOrEqualTo(0.97);
	}

	@Test
	void leavesACleanPageExactlyAsItWas() {
		BufferedImage page = copy(clean);
		PagePreparation.Prepared prepared = PagePreparation.prepare(page);

		assertThat(prepared.pixels()).isSameAs(page);
		assertThat(prepared.flattened()).isFalse();
		assertThat(prepared.straightenedDegrees()).isZero();
		assertThat(pixels(page)).isEqualTo(pixels(clean));
	}

	@Test
	void leavesAPageLeaningLessThanTesseractMindsUnturned() {
		assertThat(PagePreparation.prepare(ScannedPages.rotated(clean, 0.5)).straightenedDegrees()).isZero();
	}

	@Test
	void measuresTheLeanOfAPageToATenthOfADegree() {
		assertThat(Skew.estimateDegrees(ScannedPages.rotated(clean, 1.5))).isCloseTo(1.5, within(0.1));
		assertThat(Skew.estimateDegrees(ScannedPages.rotated(clean, -2.5))).isCloseTo(-2.5, within(0.1));
		assertThat(Skew.estimateDegrees(clean)).isCloseTo(0, within(0.05));
	}

	/**
	 * A uniformly grey, grainy fax is even paper: Tesseract's global threshold reads it as well as a clean page,
	 * so it is not flattened.
	 */
	@Test
	void takesAUniformlyGreyFaxForEvenPaper() {
		assertThat(PaperBackground.uneven(ScannedPages.lowContrast(clean, 110, 190, 25, 2))).isFalse();
		assertThat(PaperBackground.uneven(ScannedPages.unevenBackground(clean, 250, 120))).isTrue();
	}

	private double read(BufferedImage scan) throws Exception {
		Path file = dir.resolve("scan.png");
		ImageIO.write(scan, "png", file.toFile());
		try (OcrService ocr = new OcrService(OcrSettings.defaults().withParallelism(1))) {
			double accuracy = AccuracyCorpus.characterAccuracy(EXPECTED,
					AccuracyCorpus.body(ocr.read(file, OcrLayout.HORIZONTAL).text()));
			System.out.printf("OCR character accuracy on a generated scan: %.2f%%%n", accuracy * 100);
			return accuracy;
		}
	}

	private static BufferedImage copy(BufferedImage page) {
		BufferedImage copy = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		copy.getRaster().setRect(page.getRaster());
		return copy;
	}

	private static byte[] pixels(BufferedImage page) {
		return Arrays.copyOf(((java.awt.image.DataBufferByte) page.getRaster().getDataBuffer()).getData(),
				page.getWidth() * page.getHeight());
	}
}
