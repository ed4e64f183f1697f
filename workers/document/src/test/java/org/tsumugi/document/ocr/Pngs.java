package org.tsumugi.document.ocr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Writes PNGs by hand, for images too large to be made honestly in a test. */
final class Pngs {

	private Pngs() {
	}

	/** A PNG that declares the given size but holds almost no pixel data: enough for any header check. */
	static byte[] headerOnly(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", header.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(name);
		out.writeBytes(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}
}
