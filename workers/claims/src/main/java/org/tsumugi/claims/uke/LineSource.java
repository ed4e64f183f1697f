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

	/**
	 * The longest line kept (1 MiB; the longest UKE record, SJ, is a few kilobytes). A file without line
	 * breaks, such as a PDF picked up by mistake, would otherwise be read into memory whole.
	 */
	static final int MAX_LINE = 1 << 20;

	private final InputStream in;

	private final byte[] buf = new byte[1 << 16];

	private int pos;

	private int limit;

	private boolean exhausted;

	byte[] line = new byte[1024];

	int length;

	int number;

	Ending ending;

	/** The last byte seen of the current line, kept or not. */
	private byte lastByte;

	/** The current line was longer than {@link #MAX_LINE}; the rest of it was skipped. */
	boolean overflow;

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
		overflow = false;
		lastByte = 0;
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
			if (lastByte == '\r') {
				// An over-long line lost its CR with the cut; a kept one drops it here.
				length -= overflow ? 0 : 1;
				ending = Ending.CRLF;
			}
			else {
				ending = Ending.LF;
			}
			return true;
		}
	}

	private void append(int from, int to) {
		if (to > from) {
			lastByte = buf[to - 1];
		}
		int n = Math.min(to - from, MAX_LINE - length);
		if (n < to - from) {
			overflow = true;
		}
		if (length + n > line.length) {
			line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, length + n), MAX_LINE));
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
