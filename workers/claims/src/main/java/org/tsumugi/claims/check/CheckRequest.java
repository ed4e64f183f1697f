package org.tsumugi.claims.check;

import java.nio.file.Path;
import java.util.List;

/**
 * What to check.
 *
 * @param files the UKE files of one month (several for multi-volume or 社保/国保 files)
 * @param batchStart index (0-based, counted over all files in order) of the first receipt to check
 * @param batchSize how many receipts to check; 0 or less means all from {@code batchStart}
 * @param findingsFile where to write the findings CSV
 */
public record CheckRequest(List<Path> files, int batchStart, int batchSize, Path findingsFile) {

	public CheckRequest {
		files = List.copyOf(files);
	}

	public static CheckRequest all(List<Path> files, Path findingsFile) {
		return new CheckRequest(files, 0, 0, findingsFile);
	}

	boolean includes(long index) {
		return index >= batchStart && (batchSize <= 0 || index < (long) batchStart + batchSize);
	}

	/** File-level findings (duplicates, totals, encoding) belong to the first batch only, so they appear once. */
	boolean firstBatch() {
		return batchStart == 0;
	}

}
