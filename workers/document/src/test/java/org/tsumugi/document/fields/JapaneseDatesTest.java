package org.tsumugi.document.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseDatesTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "令和6年4月1日, 2024-04-01", "令和元年5月1日, 2019-05-01", "平成31年4月30日, 2019-04-30",
			"昭和40年5月6日, 1965-05-06", "大正15年12月24日, 1926-12-24", "R6.4.1, 2024-04-01", "H31/4/30, 2019-04-30",
			"s40-5-6, 1965-05-06", "令和６年４月１日, 2024-04-01", "令和六年四月一日, 2024-04-01", "平成二十三年十二月二十五日, 2011-12-25",
			"㋿6年4月1日, 2024-04-01", "2024年4月1日, 2024-04-01", "2024/04/01, 2024-04-01", "２０２４年４月１日, 2024-04-01",
			"生年月日 昭和 40 年 5 月 6 日生, 1965-05-06" })
	void readsJapaneseAndGregorianDates(String text, LocalDate expected) {
		assertThat(JapaneseDates.find(text)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "平成32年1月1日", "令和6年2月30日", "日付なし", "12345678" })
	void findsNothingWhereThereIsNoRealDate(String text) {
		assertThat(JapaneseDates.find(text)).isEmpty();
	}
}
