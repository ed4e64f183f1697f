package org.tsumugi.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tsumugi.browser.evidence.EvidenceStore;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.store.ContentTypes;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;
import org.tsumugi.server.web.PatientDataViews;

/**
 * Answers a page's request for a document or screenshot once the page has decided the person may see
 * the task or instance: serves it only if that task's or instance's variables name it, and audits the
 * view. PDFs and images are sent inline (the page previews them), anything else as an attachment; never
 * cached, never sniffed by the browser.
 */
@Component
public class DocumentServing {
  private static final String DOCUMENT_EVIDENCE = "document:";
  private final DocumentStore store;
  private final ObjectProvider<EvidenceStore> evidence;
  private final PatientDataViews views;

  DocumentServing(DocumentStore store, ObjectProvider<EvidenceStore> evidence, PatientDataViews views) {
    this.store = store;
    this.evidence = evidence;
    this.views = views;
  }

  /** The document {@code id} if the variables refer to it; 404 otherwise (whether or not it exists). */
  public ResponseEntity<Resource> document(Map<String, ?> variables, String id) {
    if (DocumentLink.in(variables).stream().noneMatch(link -> link.id().equals(id))) {
      return ResponseEntity.notFound().build();
    }
    StoredDocument document;
    try {
      document = store.metadata(id);
    } catch (DocumentProblem gone) {
      return ResponseEntity.notFound().build(); // purged after its retention period
    }
    InputStream content;
    try {
      content = store.open(id); // streamed, and closed by the response once written
    } catch (IOException | DocumentProblem gone) {
      return ResponseEntity.notFound().build();
    }
    views.viewed(PatientDataViews.DOCUMENT, id);
    return answer(new InputStreamResource(content), document.contentType(), document.name());
  }

  /** The {@code index}th robot screenshot the variables name. */
  public ResponseEntity<Resource> screenshot(Map<String, ?> variables, int index) {
    List<String> shots = EvidenceShots.in(variables);
    if (index < 0 || index >= shots.size()) {
      return ResponseEntity.notFound().build();
    }
    String reference = shots.get(index);
    Optional<byte[]> content = read(reference);
    if (content.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    views.viewed(PatientDataViews.EVIDENCE, reference);
    byte[] bytes = content.get();
    String name = reference.substring(reference.lastIndexOf('/') + 1);
    return answer(new ByteArrayResource(bytes), ContentTypes.sniff(bytes, Math.min(bytes.length, 1024)), name);
  }

  private Optional<byte[]> read(String reference) {
    try {
      if (reference.startsWith(DOCUMENT_EVIDENCE)) {
        String id = reference.substring(DOCUMENT_EVIDENCE.length()).replaceFirst("/.*$", "");
        try (InputStream in = store.open(id)) {
          return Optional.of(in.readAllBytes());
        }
      }
      EvidenceStore files = evidence.getIfAvailable();
      return files == null ? Optional.empty() : Optional.of(files.read(reference));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // purged, moved or not this server's: the page shows it as missing
    }
  }

  private static ResponseEntity<Resource> answer(Resource body, String contentType, String name) {
    boolean preview = ContentTypes.PDF.equals(contentType) || ContentTypes.isImage(contentType);
    ContentDisposition disposition = (preview ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(name, StandardCharsets.UTF_8).build();
    return ResponseEntity.status(HttpStatus.OK)
        .contentType(preview ? MediaType.parseMediaType(contentType) : MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(body);
  }
}
