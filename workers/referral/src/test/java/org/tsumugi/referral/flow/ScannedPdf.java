package org.tsumugi.referral.flow;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** A "scanned" letter: lines of Japanese drawn into a 300 dpi picture, in a PDF page with no text layer. */
final class ScannedPdf {

	private static final Path FONT = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

	private ScannedPdf() {
	}

	static byte[] of(List<String> lines) throws Exception {
		int width = 2480;
		int height = 1200;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		try (InputStream in = Files.newInputStream(FONT)) {
			g.setFont(Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(64f));
		}
		int y = 200;
		for (String line : lines) {
			g.drawString(line, 200, y);
			y += 120;
		}
		g.dispose();
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(new PDRectangle(width * 72f / 300, height * 72f / 300));
			document.addPage(page);
			PDImageXObject picture = LosslessFactory.createFromImage(document, image);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(picture, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
			}
			document.save(out);
			return out.toByteArray();
		}
	}
}
