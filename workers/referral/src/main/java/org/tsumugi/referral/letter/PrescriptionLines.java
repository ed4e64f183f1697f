package org.tsumugi.referral.letter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 現在の処方 section as the doctor edits it (one drug a line, "薬剤 ／ 用法 ／ 日数") and as the
 * letter's table prints it (rows of 薬剤, 用法, 日数). A line without separators is kept whole as the
 * drug, so nothing the doctor typed is lost.
 */
public final class PrescriptionLines {

	static final String SEPARATOR = " ／ ";

	private PrescriptionLines() {
	}

	public static String format(List<Map<String, String>> rows) {
		List<String> lines = new ArrayList<>();
		for (Map<String, String> row : rows) {
			String drug = row.getOrDefault("薬剤", "");
			if (!drug.isBlank()) {
				lines.add(drug + SEPARATOR + row.getOrDefault("用法", "") + SEPARATOR + row.getOrDefault("日数", ""));
			}
		}
		return lines.isEmpty() ? "なし" : String.join("\n", lines);
	}

	public static List<Map<String, Object>> parse(String text) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\s*／\\s*|\\s+/\\s+", 3);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("薬剤", parts[0].strip());
			row.put("用法", parts.length > 1 ? parts[1].strip() : "");
			row.put("日数", parts.length > 2 ? parts[2].strip() : "");
			rows.add(row);
		}
		return rows;
	}
}
