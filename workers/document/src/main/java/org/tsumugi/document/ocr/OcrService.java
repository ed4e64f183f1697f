package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.sourceforge.tess4j.TessAPI;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.tsumugi.document.Pdfs;
import org.tsumugi.document.store.ContentTypes;

/**
 * Reads the text of PDFs and images. Pages are rasterised one after another on the calling thread
 * (PDFBox documents are not thread-safe) and recognised on a pool of {@code parallelism} threads; a
 * semaphore stops rasterising when every thread is busy and one more page is ready, so memory holds
 * at most {@code parallelism + 1} rasters however long the document is, while rendering the next
 * page overlaps with recognising the current ones.
 */
public class OcrService implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OcrService.class);

	private final OcrSettings settings;

	private final ExecutorService pool;

	private final Map<OcrLayout, HandlePool> handles = new EnumMap<>(OcrLayout.class);

	private volatile TessAPI api;

	/** Page rasters alive right now, and the most there ever were: the memory bound, observable. */
	private final AtomicInteger rasters = new AtomicInteger();

	private final AtomicInteger peakRasters = new AtomicInteger();

	public OcrService(OcrSettings settings) {
		this.settings = settings;
		AtomicInteger counter = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(settings.parallelism(), runnable -> {
			Thread thread = new Thread(() -> {
				OpenMp.singleThreadForCurrentThread();
				runnable.run();
			}, "tsumugi-ocr-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		for (OcrLayout layout : OcrLayout.values()) {
			handles.put(layout, new HandlePool(layout));
		}
	}

	public OcrSettings settings() {
		return settings;
	}

	/** Reads every page of a PDF, PNG, JPEG or (multi-page) TIFF file; the type comes from the bytes. */
	public OcrResult read(Path file, OcrLayout layout) throws IOException {
		String type = ContentTypes.sniff(file);
		if (ContentTypes.PDF.equals(type)) {
			try (PDDocument document = Pdfs.open(file, settings.maxPages())) {
				return readPdf(document, page -> true, layout);
			}
		}
		if (ContentTypes.isImage(type)) {
			return readImages(file, layout);
		}
		throw new DocumentProblem(Code.UNSUPPORTED_TYPE,
				"文字認識できるのは PDF・PNG・JPEG・TIFF です。ファイルの中身がこれらの形式ではありません。");
	}

	/** Reads the pages of an open PDF for which {@code pages} (1-based page numbers) is true. */
	public OcrResult readPdf(PDDocument document, IntPredicate pages, OcrLayout layout) {
		PDFRenderer renderer = PageImages.renderer(document);
		int count = document.getNumberOfPages();
		Iterator<PageImage> images = new Iterator<>() {
			int next = advance(0);

			private int advance(int from) {
				int page = from + 1;
				while (page <= count && !pages.test(page)) {
					page++;
				}
				return page;
			}

			@Override
			public boolean hasNext() {
				return next <= count;
			}

			@Override
			public PageImage next() {
				int page = next;
				next = advance(page);
				int dpi = PageImages.dpiFor(document.getPage(page - 1), settings.dpi(), settings.maxPixels());
				return new PageImage(page, PageImages.render(renderer, document, page - 1, dpi), dpi);
			}
		};
		return recognizeAll(images, layout);
	}

	private OcrResult readImages(Path file, OcrLayout layout) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				throw new DocumentProblem(Code.UNSUPPORTED_TYPE, "画像の形式を読み取れません。");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, false, false);
				int count = frames(reader);
				if (count > settings.maxPages()) {
					throw new DocumentProblem(Code.DOCUMENT_TOO_MANY_PAGES,
							"画像のページ数（" + count + "）が上限（" + settings.maxPages() + "）を超えています。");
				}
				Iterator<PageImage> images = new Iterator<>() {
					int index;

					@Override
					public boolean hasNext() {
						return index < count;
					}

					@Override
					public PageImage next() {
						return decode(reader, index++);
					}
				};
				return recognizeAll(images, layout);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private int frames(ImageReader reader) {
		try {
			int count = reader.getNumImages(true);
			if (count < 1) {
				throw new DocumentProblem(Code.DOCUMENT_EMPTY, "画像にページがありません。");
			}
			return count;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DocumentProblem problem) {
				throw problem;
			}
			throw new DocumentProblem(Code.DOCUMENT_CORRUPT, "画像ファイルが壊れています。", ex);
		}
	}

	/**
	 * Checks the size from the header before decoding, so a huge image is refused, not loaded; then
	 * makes the pixels square (fax resolutions) and takes the dpi the image declares.
	 */
	private PageImage decode(ImageReader reader, int frame) {
		try {
			long pixels = (long) reader.getWidth(frame) * reader.getHeight(frame);
			if (pixels > settings.maxPixels()) {
				throw PageImages.tooLarge();
			}
			ImageResolution resolution = ImageResolution.of(reader.getImageMetadata(frame), settings.dpi());
			BufferedImage grey = PageImages.grey(reader.read(frame));
			if (!resolution.squarePixels()) {
				if ((long) pixels * resolution.dpi() * resolution.dpi()
						/ (resolution.horizontalDpi() * resolution.verticalDpi()) > settings.maxPixels()) {
					throw PageImages.tooLarge();
				}
				grey = resolution.toSquarePixels(grey);
			}
			return new PageImage(frame + 1, grey, resolution.dpi());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DocumentProblem problem) {
				throw problem;
			}
			throw new DocumentProblem(Code.DOCUMENT_CORRUPT, "画像ファイルが壊れています。", ex);
		}
	}

	private OcrResult recognizeAll(Iterator<PageImage> images, OcrLayout layout) {
		Semaphore waiting = new Semaphore(settings.parallelism() + 1);
		List<Future<OcrPage>> futures = new ArrayList<>();
		try {
			while (images.hasNext()) {
				waiting.acquire();
				PageImage image;
				try {
					image = images.next();
					peakRasters.accumulateAndGet(rasters.incrementAndGet(), Math::max);
				}
				catch (RuntimeException ex) {
					waiting.release();
					throw ex;
				}
				futures.add(pool.submit(() -> {
					try {
						return recognizeOne(image, layout);
					}
					finally {
						rasters.decrementAndGet();
						waiting.release();
					}
				}));
			}
			List<OcrPage> pages = new ArrayList<>(futures.size());
			for (Future<OcrPage> future : futures) {
				pages.add(future.get());
			}
			return new OcrResult(List.copyOf(pages));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("OCR interrupted");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			futures.forEach(future -> future.cancel(false));
		}
	}

	int peakRasters() {
		return peakRasters.get();
	}

	private OcrPage recognizeOne(PageImage image, OcrLayout layout) {
		HandlePool pool = handles.get(layout);
		TesseractHandle handle = pool.borrow();
		try {
			BufferedImage pixels = settings.preprocessing() ? PagePreparation.prepare(image.pixels()).pixels()
					: image.pixels();
			TesseractHandle.RecognizedText text = handle.recognize(pixels, image.dpi(),
					(int) settings.pageDeadline().toMillis());
			return new OcrPage(image.number(), pool.restoreTerms(MedicalNotation.restore(OcrText.tidy(text.text()))),
					text.confidence());
		}
		finally {
			pool.giveBack(handle);
		}
	}

	private MedicalTerms termsFor(OcrLayout layout) {
		try {
			return MedicalTerms.forModel(ModelCharacters.of(settings.tessdata(), layout.languages));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("OCR reads without the medical lexicon: the character set of {} could not be read ({})",
					layout.languages, ex.toString());
			return null;
		}
	}

	private TessAPI api() {
		TessAPI loaded = api;
		if (loaded == null) {
			loaded = OcrDependencies.loadTesseract();
			api = loaded;
		}
		return loaded;
	}

	@Override
	public void close() {
		pool.shutdownNow();
		handles.values().forEach(HandlePool::close);
	}

	private record PageImage(int number, BufferedImage pixels, int dpi) {
	}

	/** Warm handles for one layout, created on first need and never more than the threads. */
	private final class HandlePool {

		private final OcrLayout layout;

		private final BlockingQueue<TesseractHandle> idle = new LinkedBlockingQueue<>();

		private final List<TesseractHandle> all = new ArrayList<>();

		/** Read with the first handle: the lexicon's repairs depend on the characters the layout's models print. */
		private volatile MedicalTerms terms;

		HandlePool(OcrLayout layout) {
			this.layout = layout;
		}

		TesseractHandle borrow() {
			TesseractHandle handle = idle.poll();
			if (handle != null) {
				return handle;
			}
			synchronized (this) {
				if (all.size() < settings.parallelism() + 1) {
					OcrDependencies.requireModels(settings.tessdata(), layout);
					if (terms == null) {
						terms = termsFor(layout);
					}
					TesseractHandle created = new TesseractHandle(api(), settings.tessdata(), layout);
					all.add(created);
					return created;
				}
			}
			try {
				return idle.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CancellationException("OCR interrupted");
			}
		}

		String restoreTerms(String text) {
			MedicalTerms loaded = terms;
			return loaded == null ? text : loaded.restore(text);
		}

		void giveBack(TesseractHandle handle) {
			idle.add(handle);
		}

		synchronized void close() {
			all.forEach(TesseractHandle::close);
			all.clear();
			idle.clear();
		}
	}
}
