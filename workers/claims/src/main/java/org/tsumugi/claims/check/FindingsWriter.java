package org.tsumugi.claims.check;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.tsumugi.claims.Csv;
import org.tsumugi.claims.rules.Finding;

/**
 * Streams findings into a CSV a clerk can open in Excel: UTF-8 with a byte-order mark (without it Excel
 * reads Japanese as Shift_JIS and garbles it), a Japanese header, one finding per row.
 */
final class FindingsWriter implements AutoCloseable {

	static final String HEADER = "ファイル,レセプト番号,診療科,ルールID,重要度,行,メッセージ,カルテ番号,対象";

	private final BufferedWriter out;

	FindingsWriter(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
		out.write('\uFEFF');
		out.write(HEADER);
		out.write("\r\n");
	}

	/**
	 * @param patientNo the receipt's カルテ番号等, empty for file-level findings
	 * @param subject what the finding points at ({@link FindingSubject}), empty for file-level findings
	 */
	void write(String file, Finding f, String patientNo, String subject) throws IOException {
		out.write(csv(file));
		out.write(',');
		out.write(f.receiptNo() == null ? "" : f.receiptNo().toString());
		out.write(',');
		out.write(csv(f.department()));
		out.write(',');
		out.write(f.ruleId());
		out.write(',');
		out.write(f.severity().label());
		out.write(',');
		out.write(csv(f.lines().stream().map(String::valueOf).collect(Collectors.joining(" "))));
		out.write(',');
		out.write(csv(f.message()));
		out.write(',');
		out.write(csv(patientNo));
		out.write(',');
		out.write(csv(subject));
		out.write("\r\n");
	}

	private static String csv(String value) {
		return Csv.field(value);
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

}
