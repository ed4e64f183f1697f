package org.tsumugi.browser.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.tsumugi.document.DocumentReference;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;

/**
 * Evidence kept in the document store, where the server's other robots and people find it. A reference
 * reads {@code document:<id>/<file name>} (the form the BPMN models build for uploads), so an upload step
 * gets the file under its own name and an incident message names something a person can open; in process
 * variables a reference becomes the document workers' reference object, so a download can go straight
 * into OCR or extraction.
 */
public final class DocumentStoreEvidence implements EvidenceStore {

  private static final String PREFIX = "document:";

  private final DocumentStore store;

  public DocumentStoreEvidence(DocumentStore store) {
    this.store = store;
  }

  @Override
  public String store(String runId, String name, String mediaType, byte[] content) {
    try {
      StoredDocument stored = store.store(new ByteArrayInputStream(content), name, null);
      return PREFIX + stored.id() + "/" + stored.name();
    } catch (IOException e) {
      throw new UncheckedIOException("証跡を文書ストアに保存できません", e);
    }
  }

  @Override
  public byte[] read(String reference) {
    try (InputStream in = store.open(id(reference))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Object toVariable(String reference) {
    return reference == null ? null : store.metadata(id(reference)).reference().toVariable();
  }

  @Override
  public String fromVariable(Object value) {
    if (value instanceof String text && text.startsWith(PREFIX)) {
      return text;
    }
    if (value instanceof Map<?, ?> || value instanceof String) {
      // A reference object from another worker, or a bare id pasted while testing a model.
      DocumentReference ref = DocumentReference.fromVariable(value);
      String name = ref.name() != null ? ref.name() : store.metadata(ref.id()).name();
      return PREFIX + ref.id() + "/" + name;
    }
    throw new IllegalArgumentException("not a document reference");
  }

  private static String id(String reference) {
    String rest = reference.startsWith(PREFIX) ? reference.substring(PREFIX.length()) : reference;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
