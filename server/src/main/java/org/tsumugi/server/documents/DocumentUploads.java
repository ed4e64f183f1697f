package org.tsumugi.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.store.ContentTypes;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;

/**
 * Stores a file a person attached in a form and answers the reference the form's variable gets: the
 * document store's {@code {id, name, contentType, sha256}}, which the robots read. The content type is
 * the one the store sniffs from the bytes; what it cannot recognise as a PDF or an image is refused.
 */
@Component
public class DocumentUploads {
  private final DocumentStore store;
  private final MessageSource messages;

  DocumentUploads(DocumentStore store, MessageSource messages) {
    this.store = store;
    this.messages = messages;
  }

  public ResponseEntity<Map<String, Object>> upload(MultipartFile file, Locale locale) throws IOException {
    StoredDocument stored;
    try (InputStream in = file.getInputStream()) {
      stored = store.store(in, file.getOriginalFilename(), null);
    } catch (DocumentProblem tooLarge) {
      return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "upload.tooLarge", file, locale);
    }
    if (!List.of(ContentTypes.PDF, ContentTypes.PNG, ContentTypes.JPEG, ContentTypes.TIFF)
        .contains(stored.contentType())) {
      store.delete(stored.id());
      return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload.unsupported", file, locale);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(stored.reference().toVariable());
  }

  private ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String code, MultipartFile file,
      Locale locale) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("message", messages.getMessage(code, new Object[] {file.getOriginalFilename()}, locale));
    return ResponseEntity.status(status).body(answer);
  }
}
