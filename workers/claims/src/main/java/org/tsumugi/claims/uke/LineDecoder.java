package org.tsumugi.claims.uke;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.tsumugi.claims.Severity;

/**
 * Turns one line's bytes into text and checks the encoding on the way. UKE is Shift_JIS limited to
 * JIS X 0201 and JIS X 0208, read as MS932; a line that is valid UTF-8 with multi-byte characters is
 * almost certainly not Shift_JIS (a file saved by a modern editor), and characters from MS932's vendor
 * rows (NEC and IBM extensions, user-defined 外字) are not allowed by the specification.
 */
final class LineDecoder {

	static final Charset MS932 = Charset.forName("MS932");

	private final CharsetDecoder strict = MS932.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	String decode(byte[] bytes, int length, int line, Consumer<UkeProblem> problems) {
		boolean ascii = true;
		for (int i = 0; i < length; i++) {
			if (bytes[i] < 0) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			if (hasNul(bytes, length)) {
				problems.accept(UkeProblem.at(line, "", "", "UKE_ENCODING", Severity.ERROR,
						"文字コードがShift_JISではありません（UTF-16などで保存されている可能性があります）。"));
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1).replace("\0", "");
			}
			// Latin-1 is byte-for-char and the fastest way to build the String for pure ASCII.
			return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
		}
		if (isMultiByteUtf8(bytes, length)) {
			problems.accept(UkeProblem.at(line, "", "", "UKE_ENCODING", Severity.ERROR,
					"文字コードがShift_JISではなくUTF-8のようです。レセプト電算のファイルはShift_JISで作成してください。"));
			return new String(bytes, 0, length, StandardCharsets.UTF_8);
		}
		try {
			String text = strict.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
			checkGaiji(bytes, length, line, problems);
			return text;
		}
		catch (CharacterCodingException ex) {
			problems.accept(UkeProblem.at(line, "", "", "UKE_ENCODING", Severity.ERROR,
					"Shift_JISとして読めない文字があります。ファイルの文字コードを確認してください。"));
			return MS932.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
		}
	}

	private static boolean hasNul(byte[] bytes, int length) {
		for (int i = 0; i < length; i++) {
			if (bytes[i] == 0) {
				return true;
			}
		}
		return false;
	}

	/** Flags double-byte characters from rows outside JIS X 0208 (NEC 13 区, IBM extensions, 外字 area). */
	private static void checkGaiji(byte[] bytes, int length, int line, Consumer<UkeProblem> problems) {
		for (int i = 0; i < length; i++) {
			int b = bytes[i] & 0xFF;
			boolean lead = (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
			if (!lead) {
				continue;
			}
			if (b == 0x87 || b == 0xED || b == 0xEE || b >= 0xF0) {
				problems.accept(UkeProblem.at(line, "", "", "UKE_GAIJI", Severity.WARNING,
						"JIS X 0208にない文字（機種依存文字・外字）が使われています。"));
				return;
			}
			i++;
		}
	}

	/** True when the bytes are well-formed UTF-8 and contain at least one multi-byte sequence. */
	static boolean isMultiByteUtf8(byte[] bytes, int length) {
		boolean multi = false;
		int i = 0;
		while (i < length) {
			int b = bytes[i] & 0xFF;
			int extra;
			if (b < 0x80) {
				i++;
				continue;
			}
			else if (b >= 0xC2 && b <= 0xDF) {
				extra = 1;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				extra = 2;
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				extra = 3;
			}
			else {
				return false;
			}
			if (i + extra >= length) {
				return false;
			}
			for (int k = 1; k <= extra; k++) {
				if ((bytes[i + k] & 0xC0) != 0x80) {
					return false;
				}
			}
			multi = true;
			i += extra + 1;
		}
		return multi;
	}

}
