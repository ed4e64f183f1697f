package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import com.sun.jna.Pointer;
import net.sourceforge.tess4j.ITessAPI.ETEXT_DESC;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;

/**
 * One initialised Tesseract instance. Loading the Japanese model takes far longer than reading a
 * page, so handles are created once and reused; a handle is not thread-safe and is used by one
 * thread at a time.
 */
final class TesseractHandle implements AutoCloseable {

	private final TessAPI api;

	private final TessBaseAPI handle;

	private final OcrLayout layout;

	/** Reused between pages: direct buffers are freed late, so allocating one per page would pile up. */
	private ByteBuffer buffer;

	TesseractHandle(TessAPI api, Path tessdata, OcrLayout layout) {
		this.api = api;
		this.layout = layout;
		this.handle = api.TessBaseAPICreate();
		if (api.TessBaseAPIInit3(handle, tessdata.toString(), layout.languages) != 0) {
			api.TessBaseAPIDelete(handle);
			throw new IllegalStateException("Tesseract could not load " + layout.languages + " from " + tessdata);
		}
		api.TessBaseAPISetPageSegMode(handle, layout.pageSegmentationMode);
		// Without these Tesseract guesses the resolution and puts spaces between Japanese characters.
		api.TessBaseAPISetVariable(handle, "user_defined_dpi", "300");
		api.TessBaseAPISetVariable(handle, "preserve_interword_spaces", "1");
		api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
	}

	OcrLayout layout() {
		return layout;
	}

	/**
	 * Reads one 8-bit grey page image.
	 * @param deadlineMillis how long Tesseract may spend on the page before it gives up
	 */
	RecognizedText recognize(BufferedImage grey, int dpi, int deadlineMillis) {
		int width = grey.getWidth();
		int height = grey.getHeight();
		byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int needed = width * height;
		if (buffer == null || buffer.capacity() < needed) {
			buffer = ByteBuffer.allocateDirect(needed);
		}
		buffer.clear();
		buffer.put(pixels, 0, needed);
		buffer.flip();
		api.TessBaseAPISetImage(handle, buffer, width, height, 1, width);
		api.TessBaseAPISetSourceResolution(handle, dpi);
		ETEXT_DESC monitor = api.TessMonitorCreate();
		try {
			api.TessMonitorSetDeadlineMSecs(monitor, deadlineMillis);
			long started = System.nanoTime();
			int status = api.TessBaseAPIRecognize(handle, monitor);
			long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
			if (status != 0 && elapsedMillis >= deadlineMillis) {
				throw new DocumentProblem(Code.OCR_TIMEOUT,
						"文字認識が制限時間（" + deadlineMillis / 1000 + " 秒）内に終わりませんでした。");
			}
			if (status != 0) {
				throw new IllegalStateException("Tesseract failed to recognise a page (status " + status + ")");
			}
			Pointer text = api.TessBaseAPIGetUTF8Text(handle);
			try {
				String utf8 = text == null ? "" : text.getString(0, "UTF-8");
				return new RecognizedText(utf8, api.TessBaseAPIMeanTextConf(handle));
			}
			finally {
				if (text != null) {
					api.TessDeleteText(text);
				}
			}
		}
		finally {
			api.TessMonitorDelete(monitor);
			api.TessBaseAPIClear(handle);
		}
	}

	@Override
	public void close() {
		api.TessBaseAPIEnd(handle);
		api.TessBaseAPIDelete(handle);
	}

	record RecognizedText(String text, int confidence) {
	}
}
