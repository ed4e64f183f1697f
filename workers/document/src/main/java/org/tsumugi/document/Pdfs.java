package org.tsumugi.document;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.tsumugi.document.DocumentProblem.Code;

/**
 * Opens PDFs the same way for every robot, so that a bad file gives the same clear error whichever
 * job met it first.
 */
public final class Pdfs {

	private Pdfs() {
	}

	/**
	 * Opens a PDF read from disk. Streams that PDFBox decodes are cached in temporary files rather
	 * than on the heap, which keeps a 500-page scan within bounded memory.
	 */
	public static PDDocument open(Path file, int maxPages) {
		PDDocument document;
		try {
			document = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
		}
		catch (InvalidPasswordException ex) {
			throw new DocumentProblem(Code.DOCUMENT_ENCRYPTED,
					"PDF にパスワードが設定されているため読み取れません。パスワードを外した PDF を登録してください。", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new DocumentProblem(Code.DOCUMENT_CORRUPT, "PDF が壊れているか、途中で切れています。", ex);
		}
		int pages = document.getNumberOfPages();
		if (pages == 0) {
			closeQuietly(document);
			throw new DocumentProblem(Code.DOCUMENT_EMPTY, "PDF にページがありません。");
		}
		if (pages > maxPages) {
			closeQuietly(document);
			throw new DocumentProblem(Code.DOCUMENT_TOO_MANY_PAGES,
					"PDF のページ数（" + pages + "）が上限（" + maxPages + "）を超えています。");
		}
		return document;
	}

	private static void closeQuietly(PDDocument document) {
		try {
			document.close();
		}
		catch (IOException ignored) {
			// nothing was written; the temporary caches are removed either way
		}
	}
}
