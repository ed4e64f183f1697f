package org.tsumugi.monshin.normalize;

import java.util.Optional;
import org.tsumugi.document.fields.JapaneseText;

/**
 * Japanese phone numbers as patients type them (０９０－１２３４－５６７８, 090 1234 5678, +81 90-…,
 * (03)1234-5678) reduced to their digits, so staff and robots can dial and match them. Only the
 * digit count and the leading 0 are checked: area-code lengths vary too much to re-insert hyphens
 * reliably, except for mobile, IP and toll-free numbers whose grouping is fixed.
 */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  /** The number's digits (domestic form), or empty when it cannot be a Japanese number. */
  public static Optional<String> digits(String typed) {
    String text = JapaneseText.normalize(typed).replaceAll("[\\s()\\-.ー－]", "");
    if (text.startsWith("+81")) {
      text = "0" + text.substring(3);
    } else if (text.startsWith("81") && text.length() >= 11 && !text.startsWith("0")) {
      text = "0" + text.substring(2);
    }
    if (!text.matches("0\\d{9,10}")) {
      return Optional.empty();
    }
    if (text.length() == 11 && !text.matches("0[5789]0\\d{8}")) {
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** A readable form: 090-1234-5678, 0120-123-456; other numbers as digits. */
  public static String display(String digits) {
    if (digits.matches("0[5789]0\\d{8}")) {
      return digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
    }
    if (digits.matches("0120\\d{6}")) {
      return digits.substring(0, 4) + "-" + digits.substring(4, 7) + "-" + digits.substring(7);
    }
    if (digits.matches("0[36]\\d{8}")) {
      return digits.substring(0, 2) + "-" + digits.substring(2, 6) + "-" + digits.substring(6);
    }
    return digits;
  }
}
