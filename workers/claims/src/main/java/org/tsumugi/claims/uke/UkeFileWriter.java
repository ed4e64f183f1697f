package org.tsumugi.claims.uke;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes records the way a レセコン does: MS932, CR LF after every record, the EOF mark 0x1A at the end.
 * Used by the generator, the tests and the benchmark.
 */
public final class UkeFileWriter implements AutoCloseable {

	public static final Charset MS932 = LineDecoder.MS932;

	private static final byte[] CRLF = { '\r', '\n' };

	private final OutputStream out;

	public UkeFileWriter(OutputStream out) {
		this.out = out;
	}

	public static UkeFileWriter create(Path file) throws IOException {
		return new UkeFileWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
	}

	/** Writes one record: its fields joined with commas, then CR LF. */
	public void record(String line) throws IOException {
		out.write(line.getBytes(MS932));
		out.write(CRLF);
	}

	/** Writes the EOF mark and closes. */
	@Override
	public void close() throws IOException {
		out.write(0x1A);
		out.close();
	}

}
