package org.tsumugi.document.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.tsumugi.document.ocr.OcrLayout;
import org.tsumugi.document.ocr.OcrService;
import org.tsumugi.document.ocr.OcrSettings;
import org.tsumugi.document.render.PdfRenderer;

/**
 * Pages per minute through Tsumugi's OCR (PDF in, text out) on one and two threads, side by side
 * with (a) the tesseract command line on the same page images, one process per page, run on one or two
 * pages at a time and with OpenMP bounded as Tsumugi bounds it, (b) the command line as a hospital's script
 * runs it: a loop over the pages, one after another, with tesseract's defaults, and (c) bare Tesseract through
 * warm handles on pre-rendered rasters, the limit. All use the same model (jpn) and resolution (300 dpi). Run by
 * bench/document-ocr.
 *
 * <p>Arguments: pages (default 8), and {@code --pipeline-only} to measure only Tsumugi's OCR (used
 * with OpenMP unbounded to show what bounding it is worth).
 */
public final class OcrBenchmark {

	private static final Path TESSDATA = OcrSettings.DEBIAN_TESSDATA;

	private static final Path FONT = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

	public static void main(String[] args) throws Exception {
		int pages = args.length > 0 ? Integer.parseInt(args[0]) : 8;
		boolean pipelineOnly = List.of(args).contains("--pipeline-only");
		// -Dlines=N prints only the corpus's first N lines per page: a sparse page such as a short form
		int lines = Integer.getInteger("lines", AccuracyCorpus.LINES.size());
		Path dir = Files.createTempDirectory("tsumugi-ocr-bench");
		try {
			Path pdf = corpusPdf(dir, pages, lines);
			System.out.printf("pages: %d of %d corpus lines, command line OpenMP: %s, cores: %d, OMP_THREAD_LIMIT=%s, openmp-unbounded=%s%n",
					pages, lines, System.getProperty("cli-omp", "limited to 1"),
					Runtime.getRuntime().availableProcessors(), System.getenv("OMP_THREAD_LIMIT"),
					Boolean.getBoolean("tsumugi.document.ocr.openmp-unbounded"));
			System.out.println();
			System.out.println("| pages per minute | 1 thread | 2 threads | per CPU-minute |");
			System.out.println("| --- | --- | --- | --- |");
			// the machine is shared: measure in interleaved rounds and keep each variant's best round,
			// so that a burst of someone else's work does not land on one variant only
			int rounds = Integer.getInteger("rounds", 2);
			List<Path> images = pipelineOnly ? List.of() : rasterise(pdf, dir);
			// [0] 1 thread wall, [1] 2 threads wall, [2] pages per CPU-minute (both runs)
			double[] pipeline = new double[3];
			double[] cli = new double[3];
			double[] bare = new double[3];
			double[] script = new double[3];
			for (int round = 0; round < rounds; round++) {
				for (int threads = 1; threads <= 2; threads++) {
					int t = threads;
					best(pipeline, t, pages, () -> pipeline(pdf, t));
					if (!pipelineOnly) {
						best(cli, t, pages, () -> cli(images, t, !"default".equals(System.getProperty("cli-omp"))));
						best(bare, t, pages, () -> bare(images, t));
					}
				}
				if (!pipelineOnly) {
					best(script, 1, pages, () -> cli(images, 1, false));
				}
			}
			row("Tsumugi OCR (PDF in, text out)", pipeline);
			if (pipelineOnly) {
				return;
			}
			row("tesseract command line, one process per page", cli);
			row("bare Tesseract, warm handles, pre-rendered", bare);
			System.out.printf("| tesseract command line as a script runs it: one page after another, its defaults (OpenMP on every core) | %.1f | – | %.1f |%n",
					script[0], script[2]);
			System.out.println();
			System.out.printf("ratio Tsumugi / command line: %.1f× (1 thread), %.1f× (2 threads), %.1f× (per CPU-minute)%n",
					pipeline[0] / cli[0], pipeline[1] / cli[1], pipeline[2] / cli[2]);
			System.out.printf("ratio Tsumugi / the script: %.1f× (1 thread), %.1f× (2 threads), %.1f× (per CPU-minute)%n",
					pipeline[0] / script[0], pipeline[1] / script[0], pipeline[2] / script[2]);
			System.out.printf("ratio Tsumugi / bare limit: %.2f (1 thread), %.2f (2 threads), %.2f (per CPU-minute)%n",
					pipeline[0] / bare[0], pipeline[1] / bare[1], pipeline[2] / bare[2]);
		}
		finally {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	private static void row(String what, double[] pagesPerMinute) {
		System.out.printf("| %s | %.1f | %.1f | %.1f |%n", what, pagesPerMinute[0], pagesPerMinute[1], pagesPerMinute[2]);
	}

	interface Measurement {

		double pagesPerMinute() throws Exception;
	}

	/**
	 * Keeps the best wall-clock figure per thread count, and the best pages per CPU-minute: CPU time
	 * (this process and its finished children, from /proc) is what other people's load on a shared
	 * machine disturbs least.
	 */
	private static void best(double[] figures, int threads, int pages, Measurement measurement) throws Exception {
		double wall = measurement.pagesPerMinute();
		double cpu = cpuSeconds() - timedCpuStart;
		figures[threads - 1] = Math.max(figures[threads - 1], wall);
		figures[2] = Math.max(figures[2], pages * 60.0 / cpu);
	}

	/** CPU seconds when the timed part of the last measurement began (after warm-up and set-up). */
	private static double timedCpuStart;

	private static long startTimer() throws Exception {
		timedCpuStart = cpuSeconds();
		return System.nanoTime();
	}

	private static double cpuSeconds() throws Exception {
		double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
		String stat = Files.readString(Path.of("/proc/self/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields after the name start at state (3rd field); cutime and cstime are the 16th and 17th
		double children = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
		return own + children;
	}

	/** The accuracy corpus, one full A4 page each, as one PDF printed by Tsumugi's renderer. */
	static Path corpusPdf(Path dir, int pages, int lines) throws Exception {
		String template = "# 診療情報提供書\n" + String.join("\n", AccuracyCorpus.LINES.subList(0, lines)) + "\n";
		byte[] page = new PdfRenderer(FONT).render(template, Map.of(), "bench", Instant.EPOCH);
		Path file = dir.resolve("corpus.pdf");
		try (PDDocument out = new PDDocument()) {
			List<PDDocument> sources = new ArrayList<>();
			for (int i = 0; i < pages; i++) {
				PDDocument source = Loader.loadPDF(page);
				sources.add(source);
				out.importPage(source.getPage(0));
			}
			out.save(file.toFile());
			for (PDDocument source : sources) {
				source.close();
			}
		}
		return file;
	}

	static double pipeline(Path pdf, int threads) throws Exception {
		try (OcrService ocr = new OcrService(OcrSettings.defaults().withParallelism(threads))) {
			// a long-running worker has its handles warm; load them before timing
			warm(ocr, pdf, threads);
			long start = startTimer();
			int pages = ocr.read(pdf, OcrLayout.HORIZONTAL).pages().size();
			return perMinute(pages, start);
		}
	}

	private static void warm(OcrService ocr, Path pdf, int threads) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			ocr.readPdf(document, page -> page <= threads, OcrLayout.HORIZONTAL);
		}
	}

	static List<Path> rasterise(Path pdf, Path dir) throws Exception {
		List<Path> images = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int i = 0; i < document.getNumberOfPages(); i++) {
				Path png = dir.resolve("page-" + (i + 1) + ".png");
				ImageIO.write(renderer.renderImageWithDPI(i, 300, ImageType.GRAY), "png", png.toFile());
				images.add(png);
			}
		}
		return images;
	}

	/** @param ompBounded run tesseract with OMP_THREAD_LIMIT=1, as Tsumugi bounds OpenMP; else with its defaults */
	static double cli(List<Path> images, int processes, boolean ompBounded) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(processes);
		try {
			long start = startTimer();
			List<Future<Integer>> runs = new ArrayList<>();
			for (Path image : images) {
				runs.add(pool.submit(() -> {
					ProcessBuilder builder = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", "jpn",
							"--dpi", "300", "-c", "preserve_interword_spaces=1");
					if (ompBounded) {
						builder.environment().put("OMP_THREAD_LIMIT", "1");
					}
					else {
						builder.environment().remove("OMP_THREAD_LIMIT");
					}
					builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
					Process process = builder.start();
					if (!process.waitFor(5, TimeUnit.MINUTES)) {
						process.destroyForcibly();
						throw new IllegalStateException("tesseract did not finish");
					}
					return process.exitValue();
				}));
			}
			for (Future<Integer> run : runs) {
				if (run.get() != 0) {
					throw new IllegalStateException("tesseract failed");
				}
			}
			return perMinute(images.size(), start);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One warm handle per thread, rasters decoded before timing: only Tesseract's own work is timed. */
	static double bare(List<Path> images, int threads) throws Exception {
		TessAPI api = TessAPI.INSTANCE;
		List<ByteBuffer> buffers = new ArrayList<>();
		List<int[]> sizes = new ArrayList<>();
		for (Path image : images) {
			BufferedImage grey = ImageIO.read(image.toFile());
			byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
			ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
			buffer.put(pixels).flip();
			buffers.add(buffer);
			sizes.add(new int[] { grey.getWidth(), grey.getHeight() });
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<TessBaseAPI> handles = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				TessBaseAPI handle = api.TessBaseAPICreate();
				api.TessBaseAPIInit3(handle, TESSDATA.toString(), "jpn");
				// the same settings as Tsumugi and the command line: automatic page segmentation (the C
				// API's default is a single block, which is faster but not what either of them does)
				api.TessBaseAPISetPageSegMode(handle, 3);
				api.TessBaseAPISetVariable(handle, "preserve_interword_spaces", "1");
				api.TessBaseAPISetVariable(handle, "user_defined_dpi", "300");
				handles.add(handle);
			}
			long start = startTimer();
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				TessBaseAPI handle = handles.get(t);
				int first = t;
				work.add(pool.submit(() -> {
					for (int i = first; i < buffers.size(); i += threads) {
						api.TessBaseAPISetImage(handle, buffers.get(i), sizes.get(i)[0], sizes.get(i)[1], 1, sizes.get(i)[0]);
						api.TessBaseAPISetSourceResolution(handle, 300);
						api.TessDeleteText(api.TessBaseAPIGetUTF8Text(handle));
						api.TessBaseAPIClear(handle);
					}
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
			double result = perMinute(images.size(), start);
			for (TessBaseAPI handle : handles) {
				api.TessBaseAPIEnd(handle);
				api.TessBaseAPIDelete(handle);
			}
			return result;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static double perMinute(int pages, long startNanos) {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		return pages * 60.0 / seconds;
	}

	private OcrBenchmark() {
	}
}
