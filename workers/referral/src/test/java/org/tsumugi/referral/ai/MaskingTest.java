package org.tsumugi.referral.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tsumugi.referral.letter.Facts;

class MaskingTest {

	final Facts.Patient patient = new Facts.Patient("P0001", "山田 太郎", "ヤマダ タロウ", "1958-04-12", "男",
			"東京都架空区見本町1-2-3", "03-1234-5678", "会社員");

	@Test
	void everySpellingOfTheIdentifiersIsMaskedAndRestored() {
		Masking masking = new Masking(patient);
		String text = "山田 太郎（山田太郎、ヤマダ タロウ）様、ID P0001、1958年4月12日生（1958/04/12）、"
				+ "住所 東京都架空区見本町1-2-3、電話 03-1234-5678 / 0312345678。山田様は家族（090-1111-2222）と来院。";
		String masked = masking.mask(text);
		for (String identifier : new String[] { "山田", "太郎", "ヤマダ", "タロウ", "P0001", "1958", "見本町", "1234",
				"090-1111-2222" }) {
			assertThat(masked).doesNotContain(identifier);
		}
		assertThat(masked).contains("［個人情報", "来院");
		assertThat(masking.unmask(masked)).isEqualTo(text);
	}

	@Test
	void medicalTextIsLeftAlone() {
		Masking masking = new Masking(patient);
		String text = "HbA1c 7.2 %、eGFR 52、メトホルミン 500mg 1日2回";
		assertThat(masking.mask(text)).isEqualTo(text);
	}
}
