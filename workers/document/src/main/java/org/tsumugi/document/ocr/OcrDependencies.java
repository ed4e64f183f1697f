package org.tsumugi.document.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.sourceforge.tess4j.TessAPI;

/**
 * What the document robots need from the operating system, and which Debian package brings each
 * part. Checked at start-up so that an operator reads "install tesseract-ocr-jpn" in the log
 * instead of a native-library stack trace on the first night's job.
 */
public final class OcrDependencies {

	/** IPAex Gothic from Debian's fonts-ipaexfont; the renderer embeds it. */
	public static final Path DEBIAN_IPAEX_GOTHIC = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

	private OcrDependencies() {
	}

	/** A missing part and the package that provides it. */
	public record Missing(String what, String debianPackage) {
	}

	/**
	 * Everything missing, empty when all is there. Checks files only, so it is cheap and safe to call
	 * without the native library.
	 */
	public static List<Missing> check(Path tessdata, Path font) {
		List<Missing> missing = new ArrayList<>();
		for (String[] model : new String[][] { { "jpn", "tesseract-ocr-jpn" }, { "jpn_vert", "tesseract-ocr-jpn-vert" },
				{ "eng", "tesseract-ocr-eng" } }) {
			Path file = tessdata.resolve(model[0] + ".traineddata");
			if (!Files.isReadable(file)) {
				missing.add(new Missing("Tesseract trained data " + file, model[1]));
			}
		}
		if (!Files.isReadable(font)) {
			missing.add(new Missing("IPAex font " + font, "fonts-ipaexfont"));
		}
		return missing;
	}

	/** Checks files and the native library together. */
	public static List<Missing> checkAll(Path tessdata, Path font) {
		List<Missing> missing = new ArrayList<>(check(tessdata, font));
		try {
			loadTesseract();
		}
		catch (IllegalStateException ex) {
			missing.add(0, new Missing("the Tesseract library libtesseract.so.5", "libtesseract5"));
		}
		return missing;
	}

	/** One line an operator can act on: what is missing and the exact command that fixes it. */
	public static String describe(List<Missing> missing) {
		Set<String> packages = new LinkedHashSet<>();
		missing.forEach(m -> packages.add(m.debianPackage()));
		StringBuilder text = new StringBuilder("Document robots cannot work: missing ");
		text.append(String.join(", ", missing.stream().map(Missing::what).toList()));
		text.append(". Install with: apt-get install --no-install-recommends ").append(String.join(" ", packages));
		text.append("（文書ロボットに必要なパッケージ ").append(String.join("・", packages)).append(" をインストールしてください）");
		return text.toString();
	}

	/** Fails with the install command when a trained-data file the layout needs is missing. */
	static void requireModels(Path tessdata, OcrLayout layout) {
		List<Missing> missing = new ArrayList<>();
		for (String language : layout.languages().split("\\+")) {
			Path file = tessdata.resolve(language + ".traineddata");
			if (!Files.isReadable(file)) {
				missing.add(new Missing("Tesseract trained data " + file,
						"tesseract-ocr-" + language.replace('_', '-')));
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException(describe(missing));
		}
	}

	static TessAPI loadTesseract() {
		try {
			TessAPI api = TessAPI.INSTANCE;
			api.TessVersion();
			return api;
		}
		catch (LinkageError ex) {
			throw new IllegalStateException(describe(List.of(
					new Missing("the Tesseract library libtesseract.so.5", "libtesseract5"))), ex);
		}
	}

	public static String tesseractVersion() {
		return loadTesseract().TessVersion();
	}
}
