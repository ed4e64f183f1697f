package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tsumugi.claims.uke.UkeFileWriter;

/**
 * Test fixture: what a レセコン's corrected re-export may look like — the same month with the receipts in
 * another order and renumbered from 1, and one receipt replaced by its mended version.
 */
final class ReorderedUke {

	private ReorderedUke() {
	}

	/**
	 * @param night the night's file
	 * @param mended a file whose receipt {@code mendedNo} is the corrected one
	 * @param mendedNo the レセプト番号 (in both files) of the receipt that was corrected
	 */
	static void write(Path night, Path mended, int mendedNo, Path out) throws IOException {
		List<List<String>> receipts = receipts(night);
		receipts.set(mendedNo - 1, receipts(mended).get(mendedNo - 1));
		Collections.reverse(receipts);
		List<String> all = lines(night);
		try (UkeFileWriter writer = UkeFileWriter.create(out)) {
			writer.record(all.get(0));
			int no = 0;
			for (List<String> receipt : receipts) {
				no++;
				String re = receipt.get(0);
				writer.record("RE," + no + re.substring(re.indexOf(',', 3)));
				for (String line : receipt.subList(1, receipt.size())) {
					writer.record(line);
				}
			}
			writer.record(all.get(all.size() - 1));
		}
	}

	private static List<List<String>> receipts(Path file) throws IOException {
		List<List<String>> receipts = new ArrayList<>();
		for (String line : lines(file)) {
			if (line.startsWith("RE,")) {
				receipts.add(new ArrayList<>());
			}
			if (!receipts.isEmpty() && !line.startsWith("GO,")) {
				receipts.get(receipts.size() - 1).add(line);
			}
		}
		return receipts;
	}

	private static List<String> lines(Path file) throws IOException {
		String text = new String(Files.readAllBytes(file), UkeFileWriter.MS932).replace("\u001a", "");
		return text.lines().filter(l -> !l.isEmpty()).toList();
	}

}
