package org.tsumugi.claims;

/**
 * The check digit of 保険者番号, 公費負担者番号 and 受給者番号 (厚生労働省 番号設定要領): the digits before the
 * last, from the right, are weighted 2, 1, 2, 1 …; two-digit products count as the sum of their digits; the
 * check digit brings the total up to a multiple of ten.
 */
public final class CheckDigit {

	private CheckDigit() {
	}

	/** True when {@code number} is all digits and its last digit is the check digit of the rest. */
	public static boolean valid(String number) {
		if (number.length() < 2) {
			return false;
		}
		for (int i = 0; i < number.length(); i++) {
			char c = number.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return expected(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
	}

	/** The check digit for the digits in {@code body}. */
	public static int expected(String body) {
		int sum = 0;
		int weight = 2;
		for (int i = body.length() - 1; i >= 0; i--) {
			int product = (body.charAt(i) - '0') * weight;
			sum += product / 10 + product % 10;
			weight = 3 - weight;
		}
		return (10 - sum % 10) % 10;
	}

}
