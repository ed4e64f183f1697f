package org.tsumugi.document.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells what a file is from its first bytes. The robots only trust this, so a scan saved as
 * {@code .pdf} but really a JPEG is still read, and a text file named {@code .pdf} is refused with
 * a clear message instead of a parser error deep inside PDFBox.
 */
public final class ContentTypes {

	public static final String PDF = "application/pdf";

	public static final String PNG = "image/png";

	public static final String JPEG = "image/jpeg";

	public static final String TIFF = "image/tiff";

	public static final String UNKNOWN = "application/octet-stream";

	private ContentTypes() {
	}

	public static String sniff(byte[] head, int length) {
		if (startsWith(head, length, '%', 'P', 'D', 'F', '-')) {
			return PDF;
		}
		if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (startsWith(head, length, 'I', 'I', 0x2A, 0x00) || startsWith(head, length, 'M', 'M', 0x00, 0x2A)) {
			return TIFF;
		}
		// Some producers put junk before the PDF header; readers accept up to 1 KB of it.
		for (int i = 1; i + 5 <= Math.min(length, 1024); i++) {
			if (head[i] == '%' && head[i + 1] == 'P' && head[i + 2] == 'D' && head[i + 3] == 'F'
					&& head[i + 4] == '-') {
				return PDF;
			}
		}
		return UNKNOWN;
	}

	public static String sniff(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(1024);
			return sniff(head, head.length);
		}
	}

	public static boolean isImage(String contentType) {
		return PNG.equals(contentType) || JPEG.equals(contentType) || TIFF.equals(contentType);
	}

	private static boolean startsWith(byte[] head, int length, int... magic) {
		if (length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
