package org.tsumugi.document.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.tsumugi.document.render.Template.Block;

/**
 * Lays out a filled template on A4 pages. Only IPAex Gothic is used, embedded as a subset, so the
 * PDF looks the same on every machine and its text extracts back exactly.
 */
public class PdfRenderer {

	static final float MARGIN = 56.7f; // 20 mm

	static final float BODY = 10.5f;

	static final float TITLE = 18f;

	static final float HEADING = 12f;

	static final float CELL = 10f;

	static final float PADDING = 4f;

	/** Shown in place of a character the font cannot draw, as Japanese typesetting does (〓, ゲタ). */
	static final String MISSING_GLYPH = "〓";

	private final Path fontFile;

	public PdfRenderer(Path fontFile) {
		this.fontFile = fontFile;
	}

	/**
	 * @param created the date written into the PDF; taken from the caller, not the clock, so that the
	 *     same input always gives the same bytes
	 */
	public byte[] render(String template, Map<String, ?> data, String title, Instant created) {
		List<Block> blocks = Template.fill(template, data);
		try (PDDocument document = new PDDocument()) {
			PDType0Font font = PDType0Font.load(document, fontFile.toFile());
			new Layout(document, font).write(blocks);
			stampPageNumbers(document, font);
			describe(document, title, created, template + "\u0000" + new java.util.TreeMap<>(data));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void stampPageNumbers(PDDocument document, PDType0Font font) throws IOException {
		int total = document.getNumberOfPages();
		for (int i = 0; i < total; i++) {
			PDPage page = document.getPage(i);
			String label = (i + 1) + " / " + total;
			float width = font.getStringWidth(label) / 1000 * 9;
			try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
				content.beginText();
				content.setFont(font, 9);
				content.newLineAtOffset((PDRectangle.A4.getWidth() - width) / 2, MARGIN / 2);
				content.showText(label);
				content.endText();
			}
		}
	}

	private static void describe(PDDocument document, String title, Instant created, String identity) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setProducer("Tsumugi");
		Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		calendar.setTimeInMillis(created.toEpochMilli());
		info.setCreationDate(calendar);
		document.getDocumentCatalog().setLanguage("ja-JP");
		// PDFBox would otherwise derive the file identifier from the current time.
		byte[] id = Arrays.copyOf(sha256(identity), 16);
		COSArray ids = new COSArray();
		ids.add(new COSString(id));
		ids.add(new COSString(id));
		document.getDocument().getTrailer().setItem(COSName.ID, ids);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes blocks top to bottom, starting a new page when the next line does not fit. */
	private static final class Layout {

		private final PDDocument document;

		private final PDType0Font font;

		private final Map<Integer, Boolean> drawable = new HashMap<>();

		private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

		private PDPageContentStream content;

		private float y;

		Layout(PDDocument document, PDType0Font font) {
			this.document = document;
			this.font = font;
		}

		void write(List<Block> blocks) throws IOException {
			newPage();
			try {
				for (Block block : blocks) {
					write(block);
				}
			}
			finally {
				content.close();
			}
		}

		private void write(Block block) throws IOException {
			if (block instanceof Template.Title t) {
				ensure(TITLE * 2.2f);
				y -= TITLE * 1.2f;
				text(t.text(), TITLE, MARGIN + (width - measure(clean(t.text()), TITLE)) / 2);
				y -= TITLE;
			}
			else if (block instanceof Template.Heading h) {
				ensure(HEADING * 3f);
				y -= HEADING * 1.5f;
				text(h.text(), HEADING, MARGIN);
				y -= 4;
				line(MARGIN, y, MARGIN + width, y, 0.8f);
				y -= HEADING * 0.6f;
			}
			else if (block instanceof Template.Right r) {
				lines(r.text(), BODY, true);
			}
			else if (block instanceof Template.Paragraph p) {
				lines(p.text(), BODY, false);
			}
			else if (block instanceof Template.Rule) {
				ensure(BODY);
				y -= BODY / 2;
				line(MARGIN, y, MARGIN + width, y, 0.5f);
				y -= BODY / 2;
			}
			else if (block instanceof Template.Gap) {
				y -= BODY * 0.8f;
			}
			else if (block instanceof Template.Table t) {
				table(t);
			}
		}

		private void lines(String text, float size, boolean right) throws IOException {
			for (String line : Kinsoku.wrap(clean(text), width, s -> measure(s, size))) {
				ensure(size * 1.7f);
				y -= size * 1.7f;
				float x = right ? MARGIN + width - measure(line, size) : MARGIN;
				text(line, size, x);
			}
		}

		private void table(Template.Table table) throws IOException {
			if (table.rows().isEmpty()) {
				return;
			}
			float[] columns = columnWidths(table.rows());
			List<String> header = table.header() ? table.rows().get(0) : null;
			for (int r = 0; r < table.rows().size(); r++) {
				List<List<String>> wrapped = wrapRow(table.rows().get(r), columns);
				float height = rowHeight(wrapped);
				if (y - height < MARGIN) {
					newPage();
					if (header != null && r > 0) {
						List<List<String>> head = wrapRow(header, columns);
						drawRow(head, columns, rowHeight(head), true);
					}
				}
				drawRow(wrapped, columns, height, table.header() && r == 0);
			}
			y -= BODY * 0.6f;
		}

		private List<List<String>> wrapRow(List<String> cells, float[] columns) {
			List<List<String>> wrapped = new ArrayList<>();
			for (int c = 0; c < columns.length; c++) {
				String cell = c < cells.size() ? clean(cells.get(c)) : "";
				wrapped.add(Kinsoku.wrap(cell, columns[c] - 2 * PADDING, s -> measure(s, CELL)));
			}
			return wrapped;
		}

		private float rowHeight(List<List<String>> wrapped) {
			int lines = wrapped.stream().mapToInt(List::size).max().orElse(1);
			return lines * CELL * 1.5f + 2 * PADDING;
		}

		private void drawRow(List<List<String>> wrapped, float[] columns, float height, boolean header)
				throws IOException {
			float x = MARGIN;
			for (int c = 0; c < columns.length; c++) {
				if (header) {
					content.setNonStrokingColor(0.9f);
					content.addRect(x, y - height, columns[c], height);
					content.fill();
					content.setNonStrokingColor(0f);
				}
				content.setLineWidth(0.5f);
				content.addRect(x, y - height, columns[c], height);
				content.stroke();
				float lineY = y - PADDING - CELL * 1.1f;
				for (String line : wrapped.get(c)) {
					content.beginText();
					content.setFont(font, CELL);
					content.newLineAtOffset(x + PADDING, lineY);
					content.showText(line);
					content.endText();
					lineY -= CELL * 1.5f;
				}
				x += columns[c];
			}
			y -= height;
		}

		/** Columns get their natural width where it fits, and shrink in proportion where it does not. */
		private float[] columnWidths(List<List<String>> rows) {
			int count = rows.stream().mapToInt(List::size).max().orElse(1);
			float[] natural = new float[count];
			for (List<String> row : rows) {
				for (int c = 0; c < row.size(); c++) {
					float w = 0;
					for (String part : clean(row.get(c)).split("\n")) {
						w = Math.max(w, measure(part, CELL));
					}
					natural[c] = Math.max(natural[c], Math.max(w + 2 * PADDING + 1, 36));
				}
			}
			float sum = 0;
			for (float w : natural) {
				sum += w;
			}
			float[] columns = new float[count];
			for (int c = 0; c < count; c++) {
				columns[c] = natural[c] * width / sum;
			}
			return columns;
		}

		private void ensure(float needed) throws IOException {
			if (y - needed < MARGIN) {
				newPage();
			}
		}

		private void newPage() throws IOException {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		private void text(String text, float size, float x) throws IOException {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, y);
			content.showText(clean(text).replace("\n", " "));
			content.endText();
		}

		private void line(float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
			content.setLineWidth(lineWidth);
			content.moveTo(x1, y1);
			content.lineTo(x2, y2);
			content.stroke();
		}

		private float measure(String text, float size) {
			try {
				return font.getStringWidth(text) / 1000 * size;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Replaces what the font cannot draw, and tabs, so that showText never fails on odd input. */
		private String clean(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.replace("\t", "    ").replace("\r", "").codePoints().forEach(cp -> {
				if (cp == '\n') {
					out.append('\n');
				}
				else if (Character.isISOControl(cp)) {
					return;
				}
				else if (drawable.computeIfAbsent(cp, this::canDraw)) {
					out.appendCodePoint(cp);
				}
				else {
					out.append(MISSING_GLYPH);
				}
			});
			return out.toString();
		}

		private boolean canDraw(int cp) {
			try {
				font.encode(new String(Character.toChars(cp)));
				return true;
			}
			catch (IOException | IllegalArgumentException ex) {
				return false;
			}
		}
	}
}
