package org.tsumugi.document.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tsumugi.document.DocumentProblem;

class FieldExtractorTest {

	FieldExtractor extractor = new FieldExtractor(DocumentKinds.builtIn());

	@Test
	void readsValuesBesideTheirLabelsAndNormalisesThem() {
		String text = """
				診療情報提供書
				作成日 令和６年４月１日
				患者氏名　山田　　太郎 性別 男
				ふりがな　やまだ　たろう
				生年月日：昭和40年5月6日
				傷病名
				２型糖尿病
				""";

		ExtractedFields fields = extractor.extract("referral", text);

		assertThat(fields.values()).containsEntry("患者氏名", "山田 太郎")
			.containsEntry("性別", "男")
			.containsEntry("フリガナ", "ヤマダ タロウ")
			.containsEntry("生年月日", "1965-05-06")
			.containsEntry("作成日", "2024-04-01")
			.containsEntry("傷病名", "2型糖尿病");
		assertThat(fields.missing()).containsExactly("紹介目的");
	}

	@Test
	void readsInsuranceNumbersAsDigitsAndKeepsLongerLabelsApart() {
		String text = """
				保険者番号 ０６ １３００１２
				記号 １９Ｄ０００１ 番号 ２３
				氏名 佐藤 花子
				生年月日 H2.3.4
				""";

		ExtractedFields fields = extractor.extract("insurance-card", text);

		assertThat(fields.values()).containsEntry("保険者番号", "06130012")
			.containsEntry("記号", "19D0001")
			.containsEntry("番号", "23")
			.containsEntry("氏名", "佐藤 花子")
			.containsEntry("生年月日", "1990-03-04");
	}

	@Test
	void readsAProcessOwnersOwnKind() {
		FieldExtractor own = new FieldExtractor(DocumentKinds.parse("""
				fax-order:
				  fields:
				    依頼日:
				      anchors: [依頼日]
				      type: date
				    数量:
				      pattern: "([0-9]+)個"
				"""));

		ExtractedFields fields = own.extract("fax-order", "依頼日 R7.1.15\n数量 12個");

		assertThat(fields.values()).containsEntry("依頼日", "2025-01-15").containsEntry("数量", "12");
	}

	@Test
	void aHospitalsOwnKindsFileReplacesTheShippedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("kinds.yml"),
				"memo:\n  fields:\n    宛先:\n      anchors: [宛先]\n", java.nio.charset.StandardCharsets.UTF_8);

		DocumentKinds kinds = DocumentKinds.load(file);

		assertThat(kinds.names()).containsExactly("memo");
		assertThat(DocumentKinds.load(dir.resolve("absent.yml")).names()).contains("referral", "insurance-card");
	}

	@Test
	void anUnknownKindIsABusinessError() {
		assertThatThrownBy(() -> extractor.extract("unknown", "")).isInstanceOf(DocumentProblem.class)
			.hasMessageContaining("unknown");
	}

	@Test
	void aMistakeInTheFileNamesTheKindAndField() {
		assertThatThrownBy(() -> DocumentKinds.parse("k:\n  fields:\n    f:\n      type: colour\n"))
			.hasMessageContaining("k.f")
			.hasMessageContaining("type");
	}
}
