package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tsumugi.claims.Csv;
import org.tsumugi.claims.uke.UkeReader;
import org.tsumugi.claims.uke.UkeRecords.Ir;

/**
 * The clerks' lead's morning report: every finding of the night with the decision on it and, for
 * corrections, whether the re-check found them fixed. The CSV lists all findings (Excel-ready); the PDF
 * data (for the renderer's {@code claim-report} template) lists the reviewed ones.
 */
public final class MorningReport {

	static final String CSV_HEADER = "診療科,ファイル,レセプト番号,カルテ番号,ルールID,重要度,行,メッセージ,対応,理由,再点検";

	/**
	 * @param csv the report CSV, UTF-8 with BOM
	 * @param templateData values for the {@code claim-report} template
	 * @param summary a few Japanese lines for the notice
	 */
	public record Report(byte[] csv, Map<String, Object> templateData, String summary) {
	}

	/**
	 * @param nightFiles the files the night checked (their IR names the hospital and month)
	 * @param findingsFiles the night's findings files
	 * @param reviews the clerks' decisions
	 * @param recheck status by receipt/rule key of corrected findings (empty without a re-check)
	 * @param receiptsChecked receipts the night checked
	 * @param notes lines for 備考 (import warnings)
	 */
	public Report build(List<Path> nightFiles, List<Path> findingsFiles, Reviews reviews, Map<String, String> recheck,
			int receiptsChecked, List<String> notes, LocalDate today) throws IOException {
		StringBuilder csv = new StringBuilder("\uFEFF").append(CSV_HEADER).append("\r\n");
		int[] total = { 0 };
		for (Path file : findingsFiles) {
			FindingRow.read(file, row -> {
				total[0]++;
				Map<String, Object> decided = reviews.get(row.id());
				Object decision = decided == null ? null : decided.get("decision");
				String status = Reviews.CORRECTED.equals(decision) ? recheck.getOrDefault(row.identity().key(), "") : "";
				List<String> fields = List.of(row.department(), row.file(), row.receiptNo(), row.patientNo(), row.ruleId(), row.severity(),
						row.lines(), row.message(), Reviews.label(decision), text(decided == null ? null : decided.get("reason")),
						status);
				csv.append(String.join(",", fields.stream().map(Csv::field).toList())).append("\r\n");
			});
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		long corrected = 0;
		for (Map<String, Object> finding : reviews.all()) {
			Object decision = finding.get("decision");
			StringBuilder action = new StringBuilder(Reviews.label(decision));
			if (Reviews.CORRECTED.equals(decision)) {
				corrected++;
				action.append("（再点検: ").append(recheck.getOrDefault(Reviews.identity(finding).key(), "未実施")).append("）");
			}
			String reason = text(finding.get("reason"));
			if (!reason.isEmpty()) {
				action.append(" ").append(reason);
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("番号", rows.size() + 1);
			row.put("患者番号", patientColumn(text(finding.get("patientNo")), text(finding.get("receiptNo"))));
			row.put("規則", text(finding.get("ruleId")));
			row.put("内容", text(finding.get("message")));
			row.put("対応", action.toString());
			rows.add(row);
		}
		long fixed = recheck.values().stream().filter(Recheck.FIXED::equals).count();
		Ir ir = header(nightFiles);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("作成日", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
		data.put("対象年月", ir == null || ir.billingMonth() == null ? "不明"
				: ir.billingMonth().getYear() + "年" + ir.billingMonth().getMonthValue() + "月");
		data.put("医療機関名", ir == null || ir.hospitalName().isEmpty() ? "不明" : ir.hospitalName());
		data.put("点検件数", receiptsChecked);
		data.put("指摘件数", total[0]);
		data.put("修正済件数", fixed);
		data.put("指摘", rows);
		List<String> remarks = new ArrayList<>(notes);
		remarks.add("確認（情報）の指摘と、確認画面に表示しきれなかった指摘を含む全件は、CSVの報告にあります。");
		data.put("備考", String.join("\n", remarks));
		String summary = "点検 " + receiptsChecked + " 件、指摘 " + total[0] + " 件（確認済み " + rows.size() + " 件、修正 " + corrected
				+ " 件のうち再点検で解消 " + fixed + " 件）。";
		return new Report(csv.toString().getBytes(StandardCharsets.UTF_8), data, summary);
	}

	private static Ir header(List<Path> files) throws IOException {
		for (Path file : files) {
			try (UkeReader reader = UkeReader.open(file)) {
				reader.next();
				if (reader.header() != null) {
					return reader.header();
				}
			}
		}
		return null;
	}

	/** カルテ番号等 as the clerks know their patients; the レセプト番号 only when the レセコン left it blank. */
	private static String patientColumn(String patientNo, String receiptNo) {
		if (receiptNo.isEmpty()) {
			return "ファイル";
		}
		return patientNo.isEmpty() ? "（レセ " + receiptNo + "）" : patientNo;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
