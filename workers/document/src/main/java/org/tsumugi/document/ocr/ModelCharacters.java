package org.tsumugi.document.ocr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The characters Tesseract's LSTM models can print: the character set stored in each language's traineddata
 * file. A character outside it (膀, 蕁, γ in Debian's jpn model) is never read as itself, whatever the page
 * shows.
 */
final class ModelCharacters {

	/** Index of the LSTM character set among the components of a traineddata file (tessdatamanager.h). */
	private static final int LSTM_UNICHARSET = 21;

	private ModelCharacters() {
	}

	/** The union over the languages of a layout, such as {@code jpn_vert+jpn}. */
	static Set<String> of(Path tessdata, String languages) throws IOException {
		Set<String> characters = new HashSet<>();
		for (String language : languages.split("\\+")) {
			characters.addAll(read(tessdata.resolve(language + ".traineddata")));
		}
		return characters;
	}

	/**
	 * A traineddata file starts with the number of components (int32, little-endian) and each component's
	 * offset (int64, -1 when absent); the LSTM character set is a text: its size, then one line per character,
	 * the character first ("NULL" stands for the space).
	 */
	private static Set<String> read(Path traineddata) throws IOException {
		try (FileChannel file = FileChannel.open(traineddata)) {
			ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
			readFully(file, count, 0);
			int components = count.flip().getInt();
			if (components <= LSTM_UNICHARSET || components > 1000) {
				throw new IOException(traineddata + " has no LSTM character set");
			}
			ByteBuffer offsets = ByteBuffer.allocate(8 * components).order(ByteOrder.LITTLE_ENDIAN);
			readFully(file, offsets, 4);
			offsets.flip();
			long start = offsets.getLong(8 * LSTM_UNICHARSET);
			long end = file.size();
			for (int i = 0; i < components; i++) {
				long offset = offsets.getLong(8 * i);
				if (offset > start && offset < end) {
					end = offset;
				}
			}
			if (start < 0 || end - start > 16 << 20) {
				throw new IOException(traineddata + " has no LSTM character set");
			}
			ByteBuffer text = ByteBuffer.allocate((int) (end - start));
			readFully(file, text, start);
			String[] lines = new String(text.array(), StandardCharsets.UTF_8).split("\n");
			Set<String> characters = new HashSet<>();
			for (int i = 1; i < lines.length; i++) {
				int space = lines[i].indexOf(' ');
				if (space > 0) {
					characters.add(lines[i].substring(0, space));
				}
			}
			return characters;
		}
	}

	private static void readFully(FileChannel file, ByteBuffer target, long position) throws IOException {
		while (target.hasRemaining()) {
			if (file.read(target, position + target.position()) < 0) {
				throw new IOException("unexpected end of file");
			}
		}
	}
}
