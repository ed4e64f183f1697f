package org.tsumugi.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.document.TestDocuments;

class OcrDependenciesTest {

	@TempDir
	Path empty;

	@Test
	void findsNothingMissingOnAMachineSetUpByBinSetup() {
		assertThat(OcrDependencies.checkAll(OcrSettings.DEBIAN_TESSDATA, OcrDependencies.DEBIAN_IPAEX_GOTHIC)).isEmpty();
		assertThat(OcrDependencies.tesseractVersion()).startsWith("5.");
	}

	@Test
	void namesTheDebianPackageForEachMissingPart() {
		List<OcrDependencies.Missing> missing = OcrDependencies.check(empty, empty.resolve("ipaexg.ttf"));

		assertThat(missing).extracting(OcrDependencies.Missing::debianPackage)
			.containsExactly("tesseract-ocr-jpn", "tesseract-ocr-jpn-vert", "tesseract-ocr-eng", "fonts-ipaexfont");
		assertThat(OcrDependencies.describe(missing)).contains(
				"apt-get install --no-install-recommends tesseract-ocr-jpn tesseract-ocr-jpn-vert tesseract-ocr-eng fonts-ipaexfont");
	}

	@Test
	void anOcrJobWithoutTrainedDataFailsWithTheInstallCommand() throws Exception {
		Path png = empty.resolve("page.png");
		ImageIO.write(TestDocuments.pageImage(List.of("文字"), 100), "png", png.toFile());

		try (OcrService ocr = new OcrService(OcrSettings.defaults().withTessdata(empty).withParallelism(1))) {
			assertThatThrownBy(() -> ocr.read(png, OcrLayout.MIXED)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("apt-get install")
				.hasMessageContaining("tesseract-ocr-jpn")
				.hasMessageContaining("tesseract-ocr-eng");
		}
	}
}
