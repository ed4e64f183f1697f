package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes multi-page TIFFs as a fax server would, with the JDK's own TIFF writer. */
final class ImageTiffs {

	private ImageTiffs() {
	}

	static void write(Path file, List<BufferedImage> pages) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
			writer.setOutput(out);
			writer.prepareWriteSequence(null);
			for (BufferedImage page : pages) {
				writer.writeToSequence(new IIOImage(page, null, null), null);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
	}
}
