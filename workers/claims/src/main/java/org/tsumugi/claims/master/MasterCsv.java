package org.tsumugi.claims.master;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.function.Consumer;

import org.tsumugi.claims.Csv;

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
		return Csv.split(line).toArray(String[]::new);
	}

}
