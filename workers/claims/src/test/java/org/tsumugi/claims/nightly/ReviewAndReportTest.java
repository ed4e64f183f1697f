package org.tsumugi.claims.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.claims.Checks;
import org.tsumugi.claims.Severity;
import org.tsumugi.claims.check.CheckRequest;
import org.tsumugi.claims.check.ClaimChecker;
import org.tsumugi.claims.rules.RuleSettings;
import org.tsumugi.claims.uke.UkeGenerator;

/** Grouping for review, the re-check of corrections and the report, on a generated month. */
class ReviewAndReportTest {

	@TempDir
	Path dir;

	final ClaimChecker checker = new ClaimChecker(Checks.MASTERS, Checks.TABLES, RuleSettings.defaults());

	Path night() throws IOException {
		Path uke = dir.resolve("RECEIPTC.UKE");
		new UkeGenerator(new UkeGenerator.Options(120, YearMonth.of(2026, 10), 5, 0.5)).write(uke);
		return uke;
	}

	Path findings(Path uke) throws IOException {
		Path out = dir.resolve("findings.csv");
		checker.check(CheckRequest.all(List.of(uke), out));
		return out;
	}

	@Test
	void groupsAreFewBoundedAndHoldOnlyErrorsAndWarnings() throws IOException {
		Path findings = findings(night());
		List<FindingRow> all = new ArrayList<>();
		FindingRow.read(findings, all::add);
		long reviewable = all.stream().filter(r -> !r.severity().equals(Severity.INFO.label())).count();
		assertThat(reviewable).isGreaterThan(10);

		List<Map<String, Object>> groups = new ReviewGrouper(10).group(List.of(findings));
		assertThat(groups).isNotEmpty().hasSizeLessThan(all.size());
		long shown = 0;
		long hidden = 0;
		for (Map<String, Object> group : groups) {
			List<?> rows = (List<?>) group.get("findings");
			assertThat(rows).hasSizeLessThanOrEqualTo(10);
			assertThat(rows).allSatisfy(r -> assertThat(((Map<?, ?>) r).get("severity")).isNotEqualTo(Severity.INFO.label()));
			shown += rows.size();
			hidden += (int) group.get("notShown");
		}
		assertThat(shown + hidden).as("nothing is dropped without being counted").isEqualTo(reviewable);
	}

	@Test
	void aCorrectionIsFixedOnlyWhenTheCorrectedFileNoLongerHasTheFinding() throws IOException {
		Path uke = night();
		Path findings = findings(uke);
		List<Map<String, Object>> rows = new ArrayList<>();
		FindingRow.read(findings, r -> {
			if (!r.receiptNo().isEmpty() && rows.size() < 2) {
				Map<String, Object> decided = new LinkedHashMap<>(r.toVariable());
				decided.put("decision", "corrected");
				rows.add(decided);
			}
		});
		Reviews reviews = Reviews.of(List.of(rows));
		UkeInbox inbox = new UkeInbox(dir.resolve("inbox"), dir.resolve("archive"));

		Recheck.Result unchanged = new Recheck(checker, inbox).run(reviews, List.of(uke), dir.resolve("re1.csv"));
		assertThat(unchanged.files()).as("no corrected file: the night's file again").containsExactly(uke);
		assertThat(unchanged.statusByKey()).isNotEmpty().allSatisfy((k, v) -> assertThat(v).isEqualTo(Recheck.STILL_THERE));

		Files.createDirectories(dir.resolve("inbox"));
		new UkeGenerator(new UkeGenerator.Options(120, YearMonth.of(2026, 10), 5, 0.0))
			.write(dir.resolve("inbox/RECEIPTC_fixed.UKE"));
		Recheck.Result fixed = new Recheck(checker, inbox).run(reviews, List.of(uke), dir.resolve("re2.csv"));
		assertThat(fixed.files()).singleElement().satisfies(p -> assertThat(p.getFileName()).hasToString("RECEIPTC_fixed.UKE"));
		assertThat(fixed.statusByKey()).isNotEmpty().allSatisfy((k, v) -> assertThat(v).isEqualTo(Recheck.FIXED));
		assertThat(fixed.fixed()).isEqualTo(fixed.statusByKey().size());
	}

	@Test
	void aCorrectionIsMatchedByPatientRuleAndCodesEvenWhenTheReExportMovesEveryReceipt() throws IOException {
		Path uke = night();
		List<FindingRow> rows = new ArrayList<>();
		FindingRow.read(findings(uke), r -> {
			if (!r.receiptNo().isEmpty() && !r.severity().equals(Severity.INFO.label())) {
				rows.add(r);
			}
		});
		FindingRow fixedOne = rows.get(0);
		FindingRow notFixed = rows.stream().filter(r -> !r.patientNo().equals(fixedOne.patientNo())).findFirst().orElseThrow();
		assertThat(fixedOne.patientNo()).as("the receipt's own カルテ番号").isNotEmpty().isNotEqualTo(fixedOne.receiptNo());
		assertThat(fixedOne.subject()).as("codes, not line numbers").matches("[A-Z]{2}(:\\d+)?( [A-Z]{2}(:\\d+)?)*");
		List<Map<String, Object>> decided = new ArrayList<>();
		for (FindingRow row : List.of(fixedOne, notFixed)) {
			Map<String, Object> d = new LinkedHashMap<>(row.toVariable());
			d.put("decision", "corrected");
			decided.add(d);
		}

		// The レセコン re-exports the month in reverse order, renumbered, with only the first patient's receipt mended.
		Path clean = dir.resolve("clean.UKE");
		new UkeGenerator(new UkeGenerator.Options(120, YearMonth.of(2026, 10), 5, 0.0)).write(clean);
		Files.createDirectories(dir.resolve("inbox"));
		ReorderedUke.write(uke, clean, Integer.parseInt(fixedOne.receiptNo()), dir.resolve("inbox/RECEIPTC_fixed.UKE"));

		Recheck.Result result = new Recheck(checker, new UkeInbox(dir.resolve("inbox"), dir.resolve("archive")))
			.run(Reviews.of(List.of(decided)), List.of(uke), dir.resolve("re.csv"));
		assertThat(result.statusByKey()).containsEntry(fixedOne.identity().key(), Recheck.FIXED)
			.containsEntry(notFixed.identity().key(), Recheck.STILL_THERE)
			.hasSize(2);
	}

	@Test
	void theReportListsEveryFindingWithItsDecisionAndFillsTheTemplate() throws IOException {
		Path uke = night();
		Path findings = findings(uke);
		List<FindingRow> all = new ArrayList<>();
		FindingRow.read(findings, all::add);
		FindingRow first = all.stream().filter(r -> !r.receiptNo().isEmpty()).findFirst().orElseThrow();
		Map<String, Object> decided = new LinkedHashMap<>(first.toVariable());
		decided.put("decision", "dismissed");
		decided.put("reason", "病名は前月に記載, 確認済み");

		MorningReport.Report report = new MorningReport().build(List.of(uke), List.of(findings),
				Reviews.of(List.of(List.of(decided))), Map.of(), 120, List.of("B.UKE: 同じ月のファイル"), LocalDate.of(2026, 11, 2));

		List<String> lines = new String(report.csv(), StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF" + MorningReport.CSV_HEADER);
		assertThat(lines).hasSize(all.size() + 1);
		assertThat(lines).anySatisfy(l -> assertThat(l).contains(",対象外,\"病名は前月に記載, 確認済み\","));
		assertThat(lines.stream().filter(l -> l.contains(",未確認,")).count()).isEqualTo(all.size() - 1);
		assertThat(report.templateData()).containsEntry("作成日", "2026年11月2日")
			.containsEntry("対象年月", "2026年10月")
			.containsEntry("医療機関名", "医療法人　紡ぎ会　試験病院")
			.containsEntry("点検件数", 120)
			.containsEntry("指摘件数", all.size())
			.containsEntry("修正済件数", 0L);
		assertThat((List<?>) report.templateData().get("指摘")).singleElement()
			.satisfies(r -> {
				Map<?, ?> row = (Map<?, ?>) r;
				assertThat(row.get("対応")).isEqualTo("対象外 病名は前月に記載, 確認済み");
				assertThat(row.get("患者番号")).as("the receipt's カルテ番号等").isEqualTo(first.patientNo());
				assertThat(first.patientNo()).isEqualTo(String.valueOf(100000 + Integer.parseInt(first.receiptNo())));
			});
		assertThat((String) report.templateData().get("備考")).contains("B.UKE");
		assertThat(Files.readString(findings, StandardCharsets.UTF_8)).as("the night's findings file is untouched")
			.doesNotContain("対象外");
	}

}
