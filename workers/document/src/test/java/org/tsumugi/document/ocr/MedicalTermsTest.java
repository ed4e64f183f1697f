package org.tsumugi.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Medical terms whose characters the installed Japanese model cannot print are put back where the rest of the
 * term was read, and nowhere else.
 */
class MedicalTermsTest {

	static final Path TESSDATA = OcrSettings.defaults().tessdata();

	final MedicalTerms terms = MedicalTerms.forModel(readableByTheJapaneseModel());

	@Test
	void theJapaneseModelCannotPrintSomeCommonMedicalCharacters() throws IOException {
		Set<String> readable = readableByTheJapaneseModel();

		assertThat(readable).contains("腎", "炎", "浮", "腫", "G", "T", "P", "-").doesNotContain("膀", "胱", "嚢", "蕁", "腿", "γ");
		assertThat(ModelCharacters.of(TESSDATA, "jpn+eng")).as("the English model adds its letters")
			.containsAll(readable).hasSizeGreaterThan(readable.size());
	}

	@Test
	void putsBackTermsAroundTheLookAlikeTheModelPrinted() {
		assertThat(terms.restore("令和6年秋頃から下有浮腫が出現し")).isEqualTo("令和6年秋頃から下腿浮腫が出現し");
		assertThat(terms.restore("造影剤で鞭麻疹の既往")).isEqualTo("造影剤で蕁麻疹の既往");
		assertThat(terms.restore("兄に多発性裏胞腎の家族歴")).isEqualTo("兄に多発性嚢胞腎の家族歴");
		assertThat(terms.restore("ALT 19 U/L ヶ-GTP 31 U/L、7-GTP 40")).isEqualTo("ALT 19 U/L γ-GTP 31 U/L、γ-GTP 40");
		assertThat(terms.restore("浮腫は両下有に軽度")).isEqualTo("浮腫は両下腿に軽度");
	}

	@Test
	void leavesWordsTheModelReadWholeAlone() {
		assertThat(terms.restore("両下肢に浮腫")).as("下肢 is a term of its own").isEqualTo("両下肢に浮腫");
		assertThat(terms.restore("小児の麻疹、成人の風疹")).as("麻疹 after a kana or alone").isEqualTo("小児の麻疹、成人の風疹");
		assertThat(terms.restore("GTP 結合タンパク")).isEqualTo("GTP 結合タンパク");
		assertThat(terms.restore("腎臓内科")).isEqualTo("腎臓内科");
	}

	@Test
	void needsTwoReadableCharactersAroundAKanjiAndThreeAroundASymbol() {
		assertThat(terms.restore("膀炎")).as("膀胱炎 with one readable character: too little to go on").isEqualTo("膀炎");
		assertThat(terms.restore("ヶ-GT")).isEqualTo("ヶ-GT");
	}

	@Test
	void aFileThatIsNoTraineddataIsRefused(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("xx.traineddata"), "not a model");

		assertThatThrownBy(() -> ModelCharacters.of(dir, "xx")).isInstanceOf(IOException.class);
	}

	private static Set<String> readableByTheJapaneseModel() {
		try {
			return ModelCharacters.of(TESSDATA, "jpn");
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}
}
