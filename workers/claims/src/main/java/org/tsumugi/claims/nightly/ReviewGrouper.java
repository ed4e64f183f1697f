package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tsumugi.claims.Severity;

/**
 * Turns the night's findings into review groups, one per 診療科, so clerks get a handful of tasks rather than
 * one per receipt. Only errors and warnings are reviewed (確認 findings go to the report alone); problems of
 * the file as a whole form their own group. A group shows at most {@code maxFindings}, errors first; the
 * rest are counted so a clerk knows to open the CSV.
 */
public final class ReviewGrouper {

	static final String FILE_GROUP = "ファイル全体";

	private final int maxFindings;

	public ReviewGrouper(int maxFindings) {
		this.maxFindings = maxFindings;
	}

	public List<Map<String, Object>> group(List<Path> findingsFiles) throws IOException {
		Map<String, List<FindingRow>> byDepartment = new TreeMap<>();
		for (Path file : findingsFiles) {
			FindingRow.read(file, row -> {
				if (!Severity.INFO.label().equals(row.severity())) {
					byDepartment.computeIfAbsent(groupOf(row), d -> new ArrayList<>()).add(row);
				}
			});
		}
		List<Map<String, Object>> groups = new ArrayList<>();
		byDepartment.forEach((department, rows) -> {
			rows.sort((a, b) -> Integer.compare(rank(a), rank(b)));
			List<Map<String, Object>> shown = rows.stream().limit(maxFindings).map(FindingRow::toVariable).toList();
			Map<String, Object> group = new LinkedHashMap<>();
			group.put("department", department);
			group.put("label", department.equals(FILE_GROUP) ? FILE_GROUP : "診療科 " + department);
			group.put("findings", shown);
			group.put("notShown", rows.size() - shown.size());
			groups.add(group);
		});
		return groups;
	}

	private static String groupOf(FindingRow row) {
		if (row.receiptNo().isEmpty()) {
			return FILE_GROUP;
		}
		return row.department().isEmpty() ? "未設定" : row.department();
	}

	private static int rank(FindingRow row) {
		return Severity.ERROR.label().equals(row.severity()) ? 0 : 1;
	}

}
