package org.tsumugi.document.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;

/** What every document store enforces the same way: the id form, safe names, the size limit, the hash. */
final class StoreRules {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private StoreRules() {
	}

	/** Ids are random UUIDs: anything else was never issued, and can never be read as a path or a query. */
	static String checkId(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw notFound();
		}
		return id;
	}

	static boolean isId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** Copies at most {@code limit} bytes, refusing more with {@code DOCUMENT_TOO_LARGE}. */
	static long copyBounded(InputStream in, OutputStream out, long limit, long maxSize) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long copied = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			copied += read;
			if (copied > limit) {
				throw tooLarge(maxSize);
			}
			out.write(buffer, 0, read);
		}
		return copied;
	}

	static DocumentProblem tooLarge(long maxSize) {
		return new DocumentProblem(Code.DOCUMENT_TOO_LARGE, "文書が大きすぎます（上限 " + (maxSize / (1024 * 1024)) + " MB）。");
	}

	/** Keeps only the last path segment, so a name can never point somewhere else when downloaded. */
	static String safeName(String name) {
		if (name == null || name.isBlank()) {
			return "document";
		}
		String last = name.replace('\\', '/');
		last = last.substring(last.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
		return last.isEmpty() ? "document" : last;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static DocumentProblem notFound() {
		return new DocumentProblem(Code.DOCUMENT_NOT_FOUND, "文書が見つかりません。");
	}

}
