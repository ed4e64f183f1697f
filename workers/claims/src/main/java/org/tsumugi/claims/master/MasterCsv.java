package org.tsumugi.claims.master;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the masters' CSV: CP932, no header, every field in double quotes (a doubled quote inside stands
 * for one), commas inside quotes belong to the field.
 */
final class MasterCsv {

	static final Charset MS932 = Charset.forName("MS932");

	private MasterCsv() {
	}

	static void read(InputStream in, Consumer<String[]> rows) throws IOException {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, MS932), 1 << 16)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty()) {
					rows.accept(split(line));
				}
			}
		}
	}

	static String[] split(String line) {
		List<String> fields = new ArrayList<>(64);
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields.toArray(String[]::new);
	}

}
