package org.tsumugi.document.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.tsumugi.document.TestDocuments;

class PdfRendererTest {

	static final Instant CREATED = Instant.parse("2024-04-01T09:00:00Z");

	PdfRenderer renderer = new PdfRenderer(TestDocuments.IPAEX_GOTHIC);

	TemplateLibrary templates = new TemplateLibrary(null);

	static Map<String, Object> referral() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("作成日", "令和6年4月1日");
		data.put("紹介先医療機関", "紬総合病院");
		data.put("紹介先診療科", "循環器内科");
		data.put("紹介先医師", "佐藤 一郎");
		data.put("紹介元医療機関", "さくらクリニック");
		data.put("紹介元所在地", "東京都千代田区千代田1-1");
		data.put("紹介元電話番号", "03-0000-0000");
		data.put("医師氏名", "鈴木 花子");
		data.put("患者氏名", "山田 太郎");
		data.put("性別", "男");
		data.put("生年月日", "昭和40年5月6日");
		data.put("傷病名", "高血圧症、2型糖尿病");
		data.put("紹介目的", "胸部不快感の精査をお願いいたします。");
		data.put("現在の処方", List.of(Map.of("薬剤", "アムロジピン錠5mg", "用法", "1日1回朝食後", "日数", "28日"),
				Map.of("薬剤", "メトホルミン塩酸塩錠250mg", "用法", "1日2回朝夕食後", "日数", "28日")));
		return data;
	}

	@Test
	void printsTheReferralLetterOnA4WithTheFontEmbedded() throws Exception {
		byte[] pdf = renderer.render(templates.load("referral-letter"), referral(), "診療情報提供書", CREATED);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDRectangle box = document.getPage(0).getMediaBox();
			assertThat(box.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
			assertThat(box.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
			PDFont font = document.getPage(0).getResources().getFont(
					document.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).contains("IPAexGothic");
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("診療情報提供書", "山田 太郎", "佐藤 一郎 殿", "アムロジピン錠5mg", "メトホルミン塩酸塩錠250mg",
					"胸部不快感の精査をお願いいたします。", "1 / 1");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("診療情報提供書");
		}
	}

	@Test
	void givesTheSameBytesForTheSameInput() {
		byte[] first = renderer.render(templates.load("referral-letter"), referral(), "診療情報提供書", CREATED);
		byte[] second = renderer.render(templates.load("referral-letter"), referral(), "診療情報提供書", CREATED);

		assertThat(second).isEqualTo(first);
	}

	@Test
	void numbersEveryPageAndRepeatsTheTableHeaderOnNewPages() throws Exception {
		List<Map<String, Object>> findings = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			findings.add(Map.of("番号", i, "患者番号", "P" + (1000 + i), "規則", "適応病名", "内容", "病名の記載がありません"));
		}
		Map<String, Object> data = Map.of("作成日", "2024-04-01", "対象年月", "2024年3月", "医療機関名", "紬医院", "点検件数", 500,
				"指摘件数", 120, "修正済件数", 100, "指摘", findings);

		byte[] pdf = renderer.render(templates.load("claim-report"), data, "レセプト点検結果報告", CREATED);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(2);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(pages);
			stripper.setEndPage(pages);
			String last = stripper.getText(document);
			assertThat(last).contains(pages + " / " + pages).contains("患者番号").contains("P1120");
		}
	}

	@Test
	void wrapsLongJapaneseWithoutStartingALineWithPunctuation() throws Exception {
		String sentence = "本日、胸部不快感を主訴に来院されました。心電図で軽度のST変化を認め、精査をお願いしたく紹介いたします。";
		byte[] pdf = renderer.render("## 症状経過\n" + sentence.repeat(4), Map.of(), "t", CREATED);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String[] lines = new PDFTextStripper().getText(document).split("\\R");
			assertThat(lines.length).isGreaterThan(4);
			for (String line : lines) {
				assertThat(line).doesNotStartWith("、").doesNotStartWith("。");
			}
		}
	}

	@Test
	void drawsCharactersOutsideTheFontAsGeta() throws Exception {
		byte[] pdf = renderer.render("記号 \uD83D\uDE00 です", Map.of(), "t", CREATED);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("記号 〓 です");
		}
	}

	@Nested
	class Refuses {

		@Test
		void aTemplateWhoseRequiredValueIsMissing() {
			assertThatThrownBy(() -> renderer.render("患者 {{患者氏名}}", Map.of(), "t", CREATED))
				.isInstanceOf(DocumentProblem.class)
				.hasMessageContaining("患者氏名")
				.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.TEMPLATE_INVALID));
		}

		@Test
		void aTemplateNameThatIsNotAName() {
			assertThatThrownBy(() -> templates.load("../../etc/passwd")).isInstanceOf(DocumentProblem.class)
				.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.TEMPLATE_NOT_FOUND));
		}
	}

	@Test
	void aValueCannotTurnItselfIntoMarkup() throws Exception {
		byte[] pdf = renderer.render("{{x}}", Map.of("x", "# 見出しではない | 表でもない"), "t", CREATED);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("# 見出しではない | 表でもない");
		}
	}
}
