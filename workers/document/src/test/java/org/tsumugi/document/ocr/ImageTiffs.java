package org.tsumugi.document.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes multi-page TIFFs as a fax server would, with the JDK's own TIFF writer. */
final class ImageTiffs {

	private static IIOMetadataNode size(String name, double millimetres) {
		IIOMetadataNode node = new IIOMetadataNode(name);
		node.setAttribute("value", Double.toString(millimetres));
		return node;
	}

	private ImageTiffs() {
	}

	static void write(Path file, List<BufferedImage> pages) throws IOException {
		write(file, pages, 0, 0);
	}

	/** Writes pages that declare a resolution, as a fax server's TIFFs do (e.g. 204 × 98 dpi). */
	static void write(Path file, List<BufferedImage> pages, double horizontalDpi, double verticalDpi)
			throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
			writer.setOutput(out);
			writer.prepareWriteSequence(null);
			for (BufferedImage page : pages) {
				IIOMetadata metadata = null;
				if (horizontalDpi > 0) {
					metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page),
						writer.getDefaultWriteParam());
					IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
					IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
					dimension.appendChild(size("HorizontalPixelSize", 25.4 / horizontalDpi));
					dimension.appendChild(size("VerticalPixelSize", 25.4 / verticalDpi));
					root.appendChild(dimension);
					metadata.mergeTree("javax_imageio_1.0", root);
				}
				// the JDK's TIFF writer needs explicit parameters once metadata is given
				writer.writeToSequence(new IIOImage(page, null, metadata), writer.getDefaultWriteParam());
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
	}
}
