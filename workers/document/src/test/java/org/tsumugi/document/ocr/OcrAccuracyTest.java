package org.tsumugi.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.document.TestDocuments;
import org.tsumugi.document.bench.AccuracyCorpus;
import org.tsumugi.document.render.PdfRenderer;

/**
 * The accuracy check of issue 4: known Japanese text is printed by our own renderer, rasterised at
 * 300 dpi and read back by OCR, all through the production code paths.
 */
class OcrAccuracyTest {

	@TempDir
	Path dir;

	/**
	 * The issue aims at 98%. Tesseract's jpn model alone reaches 97.97% on this corpus (it misreads 紬, ℃,
	 * ㎡, Ⅱ, Ⅲ); with the medical-notation corrections 99.22% (docs/benchmarks.md). The guard is the
	 * figure reached, rounded down.
	 */
	@Test
	void readsCleanPrintAt300DpiWithAtLeast99PercentCharacterAccuracy() throws Exception {
		byte[] pdf = new PdfRenderer(TestDocuments.IPAEX_GOTHIC).render(AccuracyCorpus.template(), Map.of(), "精度確認",
				Instant.EPOCH);
		Path file = Files.write(dir.resolve("corpus.pdf"), pdf);

		try (OcrService ocr = new OcrService(OcrSettings.defaults().withParallelism(1))) {
			String text = ocr.read(file, OcrLayout.HORIZONTAL).text();
			String expected = String.join("\n", AccuracyCorpus.LINES);
			double accuracy = AccuracyCorpus.characterAccuracy(expected, text.replaceFirst("^[^\\n]*\\n", "")
				.replaceAll("\\n1 / 1\\s*$", ""));
			System.out.printf("OCR character accuracy on clean 300 dpi print: %.2f%%%n", accuracy * 100);

			assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
		}
	}

	/**
	 * Sentences the corrections were not derived from. They reach 97.57% (the corrections carry over to
	 * ℃, ㎡ and Ⅲ; Tesseract still misreads Ⅱ as 1, 腎 as 堅, ～ as て, mmHg as mmHsg): the guard is that
	 * figure rounded down, so the 99% above is not mistaken for what unseen text gets.
	 */
	@Test
	void readsHeldOutLinesWithTheSameSymbolsAtAtLeast97Percent() throws Exception {
		byte[] pdf = new PdfRenderer(TestDocuments.IPAEX_GOTHIC).render(
				AccuracyCorpus.template("精度確認（別の文）", AccuracyCorpus.HELD_OUT), Map.of(), "精度確認", Instant.EPOCH);
		Path file = Files.write(dir.resolve("held-out.pdf"), pdf);

		try (OcrService ocr = new OcrService(OcrSettings.defaults().withParallelism(1))) {
			String text = ocr.read(file, OcrLayout.HORIZONTAL).text();
			double accuracy = AccuracyCorpus.characterAccuracy(String.join("\n", AccuracyCorpus.HELD_OUT),
					text.replaceFirst("^[^\\n]*\\n", "").replaceAll("\\n1 / 1\\s*$", ""));
			System.out.printf("OCR character accuracy on held-out lines: %.2f%%%n", accuracy * 100);

			assertThat(accuracy).isGreaterThanOrEqualTo(0.97);
		}
	}

	@Test
	void characterAccuracyCountsEveryWrongMissingOrExtraCharacter() {
		assertThat(AccuracyCorpus.characterAccuracy("山田太郎", "山田 太郎")).isEqualTo(1.0);
		assertThat(AccuracyCorpus.characterAccuracy("ＡＢ１２", "AB12")).isEqualTo(1.0);
		assertThat(AccuracyCorpus.characterAccuracy("山田太郎", "山由太郎")).isEqualTo(0.75);
		assertThat(AccuracyCorpus.characterAccuracy("山田太郎", "山田太")).isEqualTo(0.75);
		assertThat(AccuracyCorpus.characterAccuracy("山田太郎", "山田太郎様")).isEqualTo(0.75);
	}
}
