package org.tsumugi.referral.flow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.tsumugi.browser.evidence.EvidenceStore;
import org.tsumugi.document.store.DocumentStore;

/**
 * The robots' evidence in the document store, as the server is to wire it: references read
 * {@code document:<id>/<file name>}, so an upload step gets the file under its own name.
 */
final class DocumentStoreEvidence implements EvidenceStore {

	private final DocumentStore store;

	DocumentStoreEvidence(DocumentStore store) {
		this.store = store;
	}

	@Override
	public String store(String runId, String name, String mediaType, byte[] content) {
		try {
			return "document:" + store.store(new ByteArrayInputStream(content), name, null).id() + "/" + name;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public byte[] read(String reference) {
		String id = reference.replaceFirst("^document:", "").replaceFirst("/.*$", "");
		try (InputStream in = store.open(id)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
