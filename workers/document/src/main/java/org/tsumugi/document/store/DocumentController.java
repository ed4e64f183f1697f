package org.tsumugi.document.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tsumugi.document.DocumentProblem;

/**
 * Upload and download for people (the inbox UI, an operator with curl). Everything sits under
 * {@code /api/documents} so that, once security lands, one rule protects it; the handlers take no
 * user input into file paths, and downloads are always attachments with {@code nosniff}, so a stored
 * HTML file can never run in the browser of the person who opens it.
 */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

	private final DocumentStore store;

	DocumentController(DocumentStore store) {
		this.store = store;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<StoredDocument> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "processInstanceKey", required = false) Long processInstanceKey) throws IOException {
		StoredDocument stored;
		try (InputStream in = file.getInputStream()) {
			stored = store.store(in, file.getOriginalFilename(), processInstanceKey);
		}
		return ResponseEntity.created(URI.create("/api/documents/" + stored.id())).body(stored);
	}

	@GetMapping("/{id}/metadata")
	StoredDocument metadata(@PathVariable String id) {
		return store.metadata(id);
	}

	@GetMapping("/{id}")
	ResponseEntity<Resource> download(@PathVariable String id) throws IOException {
		StoredDocument document = store.metadata(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.contentLength(document.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.eTag(document.sha256())
			.body(new InputStreamResource(store.open(id)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(DocumentProblem problem) {
		HttpStatus status = switch (problem.code()) {
			case DOCUMENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
			case DOCUMENT_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
			default -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
		detail.setProperties(Map.of("code", problem.code().name()));
		return ResponseEntity.status(status).body(detail);
	}
}
