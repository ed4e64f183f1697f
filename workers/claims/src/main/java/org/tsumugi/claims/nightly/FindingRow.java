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
 * One line of a findings CSV as the review and report see it.
 *
 * @param patientNo the receipt's カルテ番号等 (empty for file-level findings or when the レセコン leaves it blank)
 * @param subject record codes the finding points at, e.g. {@code IY:620000001 SY:2500015}
 */
public record FindingRow(String file, String receiptNo, String department, String ruleId, String severity,
		String lines, String message, String patientNo, String subject) {

	/** The finding's identity across re-exports; see {@link FindingIdentity}. */
	public FindingIdentity identity() {
		return new FindingIdentity(patient(patientNo, receiptNo), ruleId, subject);
	}

	/** Tells the rows of one night's file apart, so a decision lands on the row it was made on. */
	public String id() {
		return file + "|" + receiptNo + "/" + ruleId + "|" + lines;
	}

	/** The map a review task and its form work on; the clerk adds {@code decision} and {@code reason}. */
	public Map<String, Object> toVariable() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", id());
		map.put("key", identity().key());
		map.put("file", file);
		map.put("receiptNo", receiptNo);
		map.put("patientNo", patientNo);
		map.put("department", department);
		map.put("ruleId", ruleId);
		map.put("severity", severity);
		map.put("lines", lines);
		map.put("subject", subject);
		map.put("message", message);
		return map;
	}

	/** The patient part of an identity: カルテ番号等, or the レセプト番号 when the file has none. */
	static String patient(String patientNo, String receiptNo) {
		if (patientNo != null && !patientNo.isEmpty()) {
			return patientNo;
		}
		return receiptNo == null || receiptNo.isEmpty() ? "" : "レセ" + receiptNo;
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
					out.accept(new FindingRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), at(f, 7), at(f, 8)));
				}
			}
		}
	}

	/** Files written before the patient and subject columns existed have seven fields. */
	private static String at(List<String> fields, int index) {
		return fields.size() > index ? fields.get(index) : "";
	}

}
