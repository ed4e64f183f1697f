package org.tsumugi.document;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code tsumugi.document.*}. The defaults suit one Debian server: data under
 * ./data, Debian's Tesseract data and IPAex font, OCR on every core.
 * @param dataDir where documents are stored
 * @param maxSize largest document accepted
 * @param retention how long a document is kept unless a process says otherwise (5 years: the
 *     retention of 診療録 under 医師法)
 * @param tessdata Tesseract's trained data
 * @param font the TrueType font embedded in rendered PDFs
 * @param ocrThreads pages read at the same time; 0 means one per core
 * @param maxPages pages per document for OCR and extraction
 * @param maxPixels largest page raster (width × height)
 * @param pageTimeout how long one page's OCR may take
 * @param templatesDir the hospital's own templates, tried before the shipped ones
 * @param kindsFile the hospital's own document kinds, instead of the shipped ones
 * @param maxTextVariable text longer than this is stored as a document instead of a variable
 * @param store where documents are kept ({@code store.type}: {@code disk}, the default, or {@code database})
 * @param ocrPreprocessing lift uneven grey paper to white, clean speckled pages and straighten pages scanned
 *        askew before OCR (default true; clean pages are not changed either way)
 */
@ConfigurationProperties("tsumugi.document")
public record DocumentProperties(Path dataDir, DataSize maxSize, Duration retention, Path tessdata, Path font,
		int ocrThreads, int maxPages, long maxPixels, Duration pageTimeout, Path templatesDir, Path kindsFile,
		DataSize maxTextVariable, Store store, Boolean ocrPreprocessing) {

	/** Where content and metadata live. */
	public enum StoreType {
		/** Files under {@code data-dir}. */
		DISK,
		/** The application's database (tables of server migration V60). */
		DATABASE
	}

	/** @param type {@code disk} or {@code database} */
	public record Store(StoreType type) {

		public Store {
			type = type == null ? StoreType.DISK : type;
		}

	}

	public DocumentProperties {
		dataDir = dataDir == null ? Path.of("data", "documents") : dataDir;
		maxSize = maxSize == null ? DataSize.ofMegabytes(100) : maxSize;
		retention = retention == null ? Duration.ofDays(5 * 366) : retention;
		tessdata = tessdata == null ? Path.of("/usr/share/tesseract-ocr/5/tessdata") : tessdata;
		font = font == null ? Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf") : font;
		ocrThreads = ocrThreads <= 0 ? Runtime.getRuntime().availableProcessors() : ocrThreads;
		maxPages = maxPages <= 0 ? 1000 : maxPages;
		maxPixels = maxPixels <= 0 ? 50_000_000L : maxPixels;
		pageTimeout = pageTimeout == null ? Duration.ofMinutes(2) : pageTimeout;
		templatesDir = templatesDir == null ? Path.of("data", "templates") : templatesDir;
		maxTextVariable = maxTextVariable == null ? DataSize.ofKilobytes(512) : maxTextVariable;
		store = store == null ? new Store(StoreType.DISK) : store;
		ocrPreprocessing = ocrPreprocessing == null || ocrPreprocessing;
	}
}
