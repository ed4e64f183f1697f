package org.tsumugi.document.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where documents live, addressed by a random id, with their metadata (name, detected content type,
 * SHA-256, size, creation time, the process instance that made them, retention). Two kinds, chosen by
 * {@code tsumugi.document.store.type}: files under the data directory ({@link DiskDocumentStore}, the
 * default) or the application's database ({@link DatabaseDocumentStore}). Unknown or malformed ids are
 * reported as {@code DOCUMENT_NOT_FOUND}.
 */
public interface DocumentStore {

	/**
	 * Stores content read from {@code in}, kept for the configured retention. The stream is read to its end
	 * or to the size limit, whichever comes first; it is not closed. Nothing is kept when it fails.
	 */
	StoredDocument store(InputStream in, String name, Long processInstanceKey) throws IOException;

	StoredDocument store(InputStream in, String name, Long processInstanceKey, Duration retainFor) throws IOException;

	StoredDocument metadata(String id);

	/** The content as a stream; the caller closes it. */
	InputStream open(String id) throws IOException;

	/**
	 * Hands the content to a reader that needs a file (PDFBox reads at random, Tesseract by path). The file is
	 * the stored one or a temporary copy deleted afterwards: the reader must not keep or change it.
	 */
	<T> T withFile(String id, FileReader<T> reader) throws IOException;

	boolean delete(String id) throws IOException;

	/** Deletes every document whose retention period has passed; returns how many. */
	int purgeExpired() throws IOException;

	/** Reads a document's content from a file. */
	@FunctionalInterface
	interface FileReader<T> {

		T read(Path file) throws IOException;

	}

}
