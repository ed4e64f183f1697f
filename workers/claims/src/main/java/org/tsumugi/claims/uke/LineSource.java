package org.tsumugi.claims.uke;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding, so that the encoding can be checked per line and a
 * bad line does not stop the rest. Knows how each line ended (CR LF, bare LF, or not at all) and stops
 * at the EOF mark 0x1A.
 */
final class LineSource {

	enum Ending {
		CRLF, LF, NONE
	}

	private static final int MAX_LINE = 1 << 20;

	private final InputStream in;

	private final byte[] buf = new byte[1 << 16];

	private int pos;

	private int limit;

	private boolean exhausted;

	byte[] line = new byte[1024];

	int length;

	int number;

	Ending ending;

	boolean sawEofMark;

	/** Non-blank bytes found after the EOF mark: reported, since they are not silently ignorable. */
	long bytesAfterEofMark;

	LineSource(InputStream in) {
		this.in = in;
	}

	/** Reads the next line into {@link #line}; false at the end of data or at the EOF mark. */
	boolean next() throws IOException {
		if (sawEofMark) {
			return false;
		}
		length = 0;
		while (true) {
			if (pos == limit && !fill()) {
				if (length == 0) {
					return false;
				}
				ending = Ending.NONE;
				number++;
				return true;
			}
			int start = pos;
			while (pos < limit && buf[pos] != '\n' && buf[pos] != 0x1A) {
				pos++;
			}
			append(start, pos);
			if (pos == limit) {
				continue;
			}
			if (buf[pos] == 0x1A) {
				// The EOF mark ends the data; a line before it without CR LF is cut short.
				pos++;
				sawEofMark = true;
				countAfterEofMark();
				if (length == 0) {
					return false;
				}
				ending = Ending.NONE;
				number++;
				return true;
			}
			pos++;
			number++;
			if (length > 0 && line[length - 1] == '\r') {
				length--;
				ending = Ending.CRLF;
			}
			else {
				ending = Ending.LF;
			}
			return true;
		}
	}

	private void append(int from, int to) {
		int n = to - from;
		if (length + n > line.length) {
			line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, length + n), Math.max(MAX_LINE, length + n)));
		}
		System.arraycopy(buf, from, line, length, n);
		length += n;
	}

	private boolean fill() throws IOException {
		if (exhausted) {
			return false;
		}
		int n = in.read(buf, 0, buf.length);
		if (n <= 0) {
			exhausted = true;
			return false;
		}
		pos = 0;
		limit = n;
		return true;
	}

	private void countAfterEofMark() throws IOException {
		while (pos < limit || fill()) {
			byte b = buf[pos++];
			if (b != '\r' && b != '\n' && b != 0x1A && b != ' ' && b != 0) {
				bytesAfterEofMark++;
			}
		}
	}

}
