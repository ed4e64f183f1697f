package org.tsumugi.document;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Makes the PDFs and images the tests read: real files, generated on the spot, with no one's
 * private data in them.
 */
public final class TestDocuments {

	public static final Path IPAEX_GOTHIC = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

	private static Font awtFont;

	private TestDocuments() {
	}

	/** A PDF whose pages carry a real text layer, one list of lines per page. */
	public static Path textPdf(Path file, List<List<String>> pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDType0Font font = PDType0Font.load(document, IPAEX_GOTHIC.toFile());
			for (List<String> lines : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 14);
					content.setLeading(22);
					content.newLineAtOffset(60, 780);
					for (String line : lines) {
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			document.save(file.toFile());
		}
		return file;
	}

	/** A PDF whose pages are only pictures of text, as a scanner makes them. */
	public static Path scannedPdf(Path file, List<List<String>> pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (List<String> lines : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				PDImageXObject image = LosslessFactory.createFromImage(document, pageImage(lines, 200));
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
				}
			}
			document.save(file.toFile());
		}
		return file;
	}

	/**
	 * A white A4-proportioned page at {@code dpi} with the lines in black 14 pt IPAex Gothic, as a
	 * clean print would scan.
	 */
	public static BufferedImage pageImage(List<String> lines, int dpi) {
		return page(dpi, 14f, (g, image) -> {
			float size = g.getFont().getSize2D();
			int y = (int) (dpi * 1.0);
			for (String line : lines) {
				g.drawString(line, (int) (dpi * 0.8), y);
				y += (int) (size * 1.6);
			}
		});
	}

	/** A page written 縦書き: each string is one column, the first at the right, read top to bottom. */
	public static BufferedImage verticalPageImage(List<String> columns, int dpi) {
		return page(dpi, 16f, (g, image) -> {
			float size = g.getFont().getSize2D();
			int x = image.getWidth() - (int) (dpi * 1.2);
			for (String column : columns) {
				int y = (int) (dpi * 1.0 + size);
				for (int cp : column.codePoints().toArray()) {
					g.drawString(new String(Character.toChars(cp)), x, y);
					y += (int) (size * 1.15);
				}
				x -= (int) (size * 1.8);
			}
		});
	}

	/** A white A4 page at {@code dpi}, black IPAex Gothic at {@code points}, drawn on by {@code text}. */
	private static BufferedImage page(int dpi, float points,
			java.util.function.BiConsumer<Graphics2D, BufferedImage> text) {
		int width = (int) Math.round(8.27 * dpi);
		int height = (int) Math.round(11.69 * dpi);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setColor(Color.BLACK);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(font().deriveFont(points * dpi / 72f));
			text.accept(g, image);
		}
		finally {
			g.dispose();
		}
		return image;
	}

	public static Path write(Path file, byte[] bytes) {
		try {
			return Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static synchronized Font font() {
		if (awtFont == null) {
			try (InputStream in = Files.newInputStream(IPAEX_GOTHIC)) {
				awtFont = Font.createFont(Font.TRUETYPE_FONT, in);
			}
			catch (IOException | FontFormatException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return awtFont;
	}
}
