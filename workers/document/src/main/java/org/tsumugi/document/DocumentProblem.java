package org.tsumugi.document;

/**
 * A failure caused by the document itself (or by what a process asked for), which retrying cannot
 * fix. Adapters turn it into a BPMN error with {@link Code#name()} as the error code so that a
 * process model can branch on it; everything else is a technical failure that fails the job.
 *
 * <p>The message is for the clerk who will read it in the task list, hence Japanese, and it never
 * quotes document content, which may be patient data.
 */
public class DocumentProblem extends RuntimeException {

	/** The documented BPMN error codes (see the module README). */
	public enum Code {
		DOCUMENT_NOT_FOUND, DOCUMENT_REFERENCE_INVALID, DOCUMENT_TOO_LARGE, DOCUMENT_CORRUPT,
		DOCUMENT_ENCRYPTED, DOCUMENT_EMPTY, DOCUMENT_TOO_MANY_PAGES, UNSUPPORTED_TYPE, IMAGE_TOO_LARGE,
		OCR_TIMEOUT, TEMPLATE_NOT_FOUND, TEMPLATE_INVALID, DOCUMENT_KIND_UNKNOWN
	}

	private final Code code;

	public DocumentProblem(Code code, String message) {
		this(code, message, null);
	}

	public DocumentProblem(Code code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public Code code() {
		return code;
	}
}
