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

}
