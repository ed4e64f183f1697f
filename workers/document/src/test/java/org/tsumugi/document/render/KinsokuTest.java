package org.tsumugi.document.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every character is one unit wide here, so the expected breaks can be read off the strings. */
class KinsokuTest {

	static List<String> wrap(String text, int width) {
		return Kinsoku.wrap(text, width, s -> s.codePointCount(0, s.length()));
	}

	@Test
	void breaksBetweenAnyTwoJapaneseCharacters() {
		assertThat(wrap("あいうえおかきく", 3)).containsExactly("あいう", "えおか", "きく");
	}

	@Test
	void neverStartsALineWithPunctuationOrAClosingBracket() {
		// 。 would start the second line, so れ moves down with it
		assertThat(wrap("今日は晴れ。明日は雨", 5)).containsExactly("今日は晴", "れ。明日は", "雨");
		assertThat(wrap("「診断書」を", 4)).containsExactly("「診断", "書」を");
	}

	@Test
	void neverStartsALineWithASmallKanaOrAProlongedSoundMark() {
		assertThat(wrap("ちょっとコーヒー", 3)).allSatisfy(line -> assertThat(line).doesNotStartWith("ょ")
			.doesNotStartWith("っ").doesNotStartWith("ー"));
	}

	@Test
	void neverEndsALineWithAnOpeningBracket() {
		assertThat(wrap("病名は（疑い）", 4)).containsExactly("病名は", "（疑い）");
	}

	@Test
	void keepsLatinWordsAndNumbersWhole() {
		assertThat(wrap("用量 2.5mg を", 6)).containsExactly("用量", "2.5mg", "を");
	}

	@Test
	void cutsARunLongerThanTheLineRatherThanOverflowing() {
		assertThat(wrap("1234567890", 4)).containsExactly("1234", "5678", "90");
	}

	@Test
	void keepsExplicitLineBreaks() {
		assertThat(wrap("一行目\n二行目", 10)).containsExactly("一行目", "二行目");
	}
}
