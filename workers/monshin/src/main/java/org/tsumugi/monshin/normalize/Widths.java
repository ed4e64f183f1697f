package org.tsumugi.monshin.normalize;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Width folding for what patients type on phones: full-width Latin letters and digits become ASCII,
 * half-width katakana become full width, the ideographic space a plain space. Unlike a full NFKC pass
 * it leaves Japanese punctuation and symbols (（）、℃) as the patient wrote them, because free text goes
 * to the chart as the patient's own words.
 */
final class Widths {

  private static final Pattern HALF_WIDTH_KANA = Pattern.compile("[\\uFF61-\\uFF9F]+");

  private Widths() {}

  static String fold(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder ascii = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if ((cp >= 'Ａ' && cp <= 'Ｚ') || (cp >= 'ａ' && cp <= 'ｚ') || (cp >= '０' && cp <= '９')) {
        ascii.appendCodePoint(cp - 0xFEE0);
      } else if (cp == '\u3000') {
        ascii.append(' ');
      } else {
        ascii.appendCodePoint(cp);
      }
    });
    Matcher kana = HALF_WIDTH_KANA.matcher(ascii);
    StringBuilder out = new StringBuilder(ascii.length());
    while (kana.find()) {
      kana.appendReplacement(out, Matcher.quoteReplacement(Normalizer.normalize(kana.group(), Normalizer.Form.NFKC)));
    }
    kana.appendTail(out);
    return out.toString().strip();
  }

  /** One line: newlines and runs of spaces become one space. */
  static String oneLine(String text) {
    return fold(text).replaceAll("\\s+", " ");
  }
}
