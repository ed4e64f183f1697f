package org.tsumugi.claims.nightly;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.tsumugi.claims.Csv;

/**
 * One line of a findings CSV as the review and report see it. {@code key} (receipt and rule) is what the
 * re-check matches on, because a corrected re-export gets a new file name but keeps its receipt numbers.
 */
public record FindingRow(String file, String receiptNo, String department, String ruleId, String severity,
		String lines, String message) {

	public String key() {
		return receiptNo + "/" + ruleId;
	}

	/** Tells two findings of one rule on one receipt apart, so a decision lands on the row it was made on. */
	public String id() {
		return file + "|" + key() + "|" + lines;
	}

	/** The map a review task and its form work on; the clerk adds {@code decision} and {@code reason}. */
	public Map<String, Object> toVariable() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", id());
		map.put("key", key());
		map.put("file", file);
		map.put("receiptNo", receiptNo);
		map.put("department", department);
		map.put("ruleId", ruleId);
		map.put("severity", severity);
		map.put("lines", lines);
		map.put("message", message);
		return map;
	}

	/** Streams the rows of a findings file written by the checker. */
	public static void read(Path file, Consumer<FindingRow> out) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String header = in.readLine();
			if (header == null) {
				return;
			}
			String line;
			while ((line = in.readLine()) != null) {
				if (line.isEmpty()) {
					continue;
				}
				List<String> f = Csv.split(line);
				if (f.size() >= 7) {
					out.accept(new FindingRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6)));
				}
			}
		}
	}

}
