package org.tsumugi.document.store;

import java.time.Instant;

import org.tsumugi.document.DocumentReference;

/**
 * Everything the store knows about one document. The content type is the one detected from the
 * bytes, not the one a sender claimed, because a file name can lie.
 */
public record StoredDocument(String id, String name, String contentType, String sha256, long size,
		Instant created, Long processInstanceKey, Instant retainUntil) {

	public DocumentReference reference() {
		return new DocumentReference(id, name, contentType, sha256);
	}
}
