package org.tsumugi.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
		double accuracy = accuracyOf("診療情報提供書（精度確認用）", AccuracyCorpus.LINES);
		System.out.printf("OCR character accuracy on clean 300 dpi print: %.2f%%%n", accuracy * 100);

		assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
	}

	/**
	 * Sentences the session-3 corrections were not derived from. They reached 97.57% (Tesseract misread Ⅱ as 1,
	 * 腎 as 堅, ～ as て, mmHg as mmHsg); with the session-4 rules for ～, 腎 and mmHg 99.03%. Ⅱ → 1 remains. The
	 * guard leaves half a point for a different CPU's arithmetic and fails on the session-3 pipeline.
	 */
	@Test
	void readsHeldOutLinesWithTheSameSymbolsAtAtLeast98AndAHalfPercent() throws Exception {
		double accuracy = accuracyOf("精度確認（別の文）", AccuracyCorpus.HELD_OUT);
		System.out.printf("OCR character accuracy on held-out lines: %.2f%%%n", accuracy * 100);

		assertThat(accuracy).isGreaterThanOrEqualTo(0.985);
	}

	/**
	 * 38 lines of a referral letter, a 問診票 and a lab report, written before any session-4 change was tried:
	 * 98.37% with the session-3 pipeline, 98.68% after session 4 (the ～ rule), 99.38% in session 5 (the medical
	 * lexicon put back 下腿, 蕁麻疹, 嚢胞腎 and γ-GTP; the grade rule Ⅱ度 and Ⅲ度). What is left is misreads no
	 * context decides: ± → +, ○ → 〇, Ⅰ → 1, Ⅱ → Il in a list, ℃ before の, ㎡ outside eGFR. The guard fails on the
	 * session-3 pipeline.
	 */
	@Test
	void readsAReferralLetterQuestionnaireAndLabReportAtAtLeast98AndAHalfPercent() throws Exception {
		double accuracy = accuracyOf("精度確認（別の文）", AccuracyCorpus.REFERRAL_LAB_MONSHIN);
		System.out.printf("OCR character accuracy on the referral/問診/lab set: %.2f%%%n", accuracy * 100);

		assertThat(accuracy).isGreaterThanOrEqualTo(0.985);
	}

	/**
	 * 14 lines written with the set above but measured only before the first session-4 change and after the
	 * last: 97.39% both times; 97.63% after session 5's lexicon (the aim of 98% is not met on them). The guard
	 * keeps that figure, less a margin.
	 */
	@Test
	void readsTheSealedDischargeSummaryAtAtLeast97Percent() throws Exception {
		double accuracy = accuracyOf("精度確認（別の文）", AccuracyCorpus.SEALED);
		System.out.printf("OCR character accuracy on the sealed set: %.2f%%%n", accuracy * 100);

		assertThat(accuracy).isGreaterThanOrEqualTo(0.97);
	}

	/**
	 * 16 lines of an orthopaedic discharge summary with nursing and pharmacy notes, written in session 5 before
	 * the medical lexicon and measured only before it (97.04%) and after it (97.60%; the aim of 98% is not met).
	 * Left: μ, which the model drops; 褥瘡, 掻痒 and 譫妄, whose characters the model cannot print with too few
	 * readable ones around them; ° read as *. The guard fails on the pipeline without the lexicon.
	 */
	@Test
	void readsTheSecondSealedDischargeSummaryAtAtLeast97AndAFifthPercent() throws Exception {
		double accuracy = accuracyOf("精度確認（別の文）", AccuracyCorpus.SECOND_SEALED);
		System.out.printf("OCR character accuracy on the second sealed set: %.2f%%%n", accuracy * 100);

		assertThat(accuracy).isGreaterThanOrEqualTo(0.972);
	}

	private double accuracyOf(String title, List<String> lines) throws Exception {
		byte[] pdf = new PdfRenderer(TestDocuments.IPAEX_GOTHIC).render(AccuracyCorpus.template(title, lines), Map.of(),
				"精度確認", Instant.EPOCH);
		Path file = Files.write(dir.resolve("lines.pdf"), pdf);
		try (OcrService ocr = new OcrService(OcrSettings.defaults().withParallelism(1))) {
			String text = ocr.read(file, OcrLayout.HORIZONTAL).text();
			return AccuracyCorpus.characterAccuracy(String.join("\n", lines), AccuracyCorpus.body(text));
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
