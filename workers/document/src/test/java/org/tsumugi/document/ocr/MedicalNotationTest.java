package org.tsumugi.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The look-alikes put back, and only in the contexts that allow no other reading. */
class MedicalNotationTest {

	@Test
	void restoresABodyTemperaturesDegreeSign() {
		assertThat(MedicalNotation.restore("体温 36.5で SpO2 97%")).isEqualTo("体温 36.5℃ SpO2 97%");
		assertThat(MedicalNotation.restore("最高 38.2C、解熱")).isEqualTo("最高 38.2℃、解熱");
		assertThat(MedicalNotation.restore("体温 37.0で")).isEqualTo("体温 37.0℃");
	}

	@Test
	void leavesNumbersFollowedByAnOrdinaryでAlone() {
		assertThat(MedicalNotation.restore("HbA1c 7.8で推移")).isEqualTo("HbA1c 7.8で推移");
		assertThat(MedicalNotation.restore("36.5で安定")).as("followed by text: a particle, not a unit")
			.isEqualTo("36.5で安定");
		assertThat(MedicalNotation.restore("136.5で ")).isEqualTo("136.5で ");
		assertThat(MedicalNotation.restore("3日で軽快")).isEqualTo("3日で軽快");
	}

	@Test
	void restoresTheBodySurfaceOfEgfr() {
		assertThat(MedicalNotation.restore("eGFR 52mL/分/1.73 nm")).isEqualTo("eGFR 52mL/分/1.73㎡");
		assertThat(MedicalNotation.restore("eGFR 52mL/分/1.73m2 ")).isEqualTo("eGFR 52mL/分/1.73㎡ ");
		assertThat(MedicalNotation.restore("波長 1.73 nm の光")).isEqualTo("波長 1.73 nm の光");
	}

	@Test
	void restoresRomanNumeralsOnlyInALeadList() {
		assertThat(MedicalNotation.restore("心電図では Il 、川、aVF誘導で")).isEqualTo("心電図では Ⅱ、Ⅲ、aVF誘導で");
		assertThat(MedicalNotation.restore("Ⅱ、Ⅲ、aVF")).isEqualTo("Ⅱ、Ⅲ、aVF");
		assertThat(MedicalNotation.restore("川崎市、aVF")).as("not a list item of its own").isEqualTo("川崎市、aVF");
		assertThat(MedicalNotation.restore("川、山、谷")).isEqualTo("川、山、谷");
		assertThat(MedicalNotation.restore("小川、aVF")).as("part of a name").isEqualTo("小川、aVF");
	}

	@Test
	void restoresTheWaveDashOfARangeBetweenNumbers() {
		assertThat(MedicalNotation.restore("家庭血圧 130て140/80て90mmHg")).isEqualTo("家庭血圧 130～140/80～90mmHg");
		assertThat(MedicalNotation.restore("V4てV6 で ST 低下")).isEqualTo("V4～V6 で ST 低下");
		assertThat(MedicalNotation.restore("夜間尿は2て3回")).isEqualTo("夜間尿は2～3回");
	}

	@Test
	void leavesTheParticleてAlone() {
		assertThat(MedicalNotation.restore("3日経ってから")).isEqualTo("3日経ってから");
		assertThat(MedicalNotation.restore("2回目にて終了")).isEqualTo("2回目にて終了");
		assertThat(MedicalNotation.restore("Vて")).isEqualTo("Vて");
		assertThat(MedicalNotation.restore("5てんかん")).as("not followed by a number").isEqualTo("5てんかん");
	}

	@Test
	void restoresTheKidneyInItsCompounds() {
		assertThat(MedicalNotation.restore("堅機能 eGFR 38")).isEqualTo("腎機能 eGFR 38");
		assertThat(MedicalNotation.restore("慢性堅不全、堅盂腎炎、副堅")).isEqualTo("慢性腎不全、腎盂腎炎、副腎");
		assertThat(MedicalNotation.restore("堅臓内科")).isEqualTo("腎臓内科");
	}

	@Test
	void leavesTheWordsOf堅Alone() {
		assertThat(MedicalNotation.restore("堅固な意志、中堅の医師、堅実な経過、堅い便"))
			.isEqualTo("堅固な意志、中堅の医師、堅実な経過、堅い便");
	}

	@Test
	void restoresMillimetresOfMercuryAfterANumber() {
		assertThat(MedicalNotation.restore("血圧 132/84mmHsg 脈拍")).isEqualTo("血圧 132/84mmHg 脈拍");
		assertThat(MedicalNotation.restore("120 mmHsg")).isEqualTo("120 mmHg");
		assertThat(MedicalNotation.restore("mmHsg")).as("no number: not a reading of a pressure").isEqualTo("mmHsg");
		assertThat(MedicalNotation.restore("5mmol/L")).isEqualTo("5mmol/L");
	}

	@Test
	void restoresTheRomanNumeralsOfAGrade() {
		assertThat(MedicalNotation.restore("NYHA分類 Il度、浮腫")).isEqualTo("NYHA分類 Ⅱ度、浮腫");
		assertThat(MedicalNotation.restore("吊度高血圧の既往")).isEqualTo("Ⅲ度高血圧の既往");
		assertThat(MedicalNotation.restore("ll型糖尿病、病期 川期")).isEqualTo("Ⅱ型糖尿病、病期 Ⅲ期");
	}

	@Test
	void leavesDigitsAndWordsBeforeAGradeAlone() {
		assertThat(MedicalNotation.restore("1度房室ブロック、1型糖尿病")).isEqualTo("1度房室ブロック、1型糖尿病");
		assertThat(MedicalNotation.restore("小川型、品川期")).as("part of a name").isEqualTo("小川型、品川期");
		assertThat(MedicalNotation.restore("Bill度")).as("part of a word").isEqualTo("Bill度");
		assertThat(MedicalNotation.restore("川の水位")).isEqualTo("川の水位");
	}

}
