package org.tsumugi.claims.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.claims.Checks;
import org.tsumugi.claims.Severity;
import org.tsumugi.claims.Uke;
import org.tsumugi.claims.rules.RuleSettings;
import org.tsumugi.claims.uke.UkeGenerator;

class ClaimCheckerTest {

	@TempDir
	Path dir;

	final ClaimChecker checker = new ClaimChecker(Checks.MASTERS, Checks.TABLES, RuleSettings.defaults());

	Path generate(String name, int receipts, double faultRate) throws IOException {
		Path file = dir.resolve(name);
		new UkeGenerator(new UkeGenerator.Options(receipts, YearMonth.of(2026, 10), 11, faultRate)).write(file);
		return file;
	}

	@Test
	void aCleanGeneratedMonthHasNoFindings() throws IOException {
		Path uke = generate("RECEIPTC.UKE", 1000, 0.0);
		CheckSummary summary = checker.check(CheckRequest.all(List.of(uke), dir.resolve("out.csv")));
		assertThat(summary.byRule()).isEmpty();
		assertThat(summary.receiptsChecked()).isEqualTo(1000);
		assertThat(Files.readAllLines(dir.resolve("out.csv"), StandardCharsets.UTF_8)).hasSize(1);
	}

	@Test
	void everyDeliberateMistakeOfTheGeneratorIsCaughtByItsRule() throws IOException {
		Path uke = generate("RECEIPTC.UKE", 3000, 0.5);
		CheckSummary summary = checker.check(CheckRequest.all(List.of(uke), dir.resolve("out.csv")));
		assertThat(summary.byRule().keySet()).containsAll(Set.of("INSURER_CHECK_DIGIT", "ACTUAL_DAYS_MISMATCH",
				"SUSPECTED_DISEASE_LONG", "DISEASE_AFTER_TREATMENT", "DMN_INDICATION", "DMN_COUNT_LIMIT", "DMN_EXCLUSIVE",
				"DMN_AGE", "DMN_SEX", "DMN_REQUIRED_COMMENT", "OUTCOME_CONFLICT"));
		assertThat(summary.receiptsWithFindings()).isBetween(1000, 2000);
	}

	@Test
	void theFindingsFileHasOneRowPerFindingForAClerk() throws IOException {
		Path uke = generate("RECEIPTC.UKE", 200, 0.3);
		Path out = dir.resolve("out.csv");
		CheckSummary summary = checker.check(CheckRequest.all(List.of(uke), out));
		List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
		assertThat(rows.get(0)).isEqualTo("\uFEFF" + FindingsWriter.HEADER);
		assertThat(rows).hasSize(summary.findings() + 1);
		assertThat(rows.get(1)).startsWith("RECEIPTC.UKE,").containsAnyOf("エラー", "警告", "確認");
		assertThat(summary.count(Severity.ERROR) + summary.count(Severity.WARNING) + summary.count(Severity.INFO))
			.isEqualTo(summary.findings());
	}

	@Test
	void twoFilesForTheSameMonthAreFlaggedAndBothChecked() throws IOException {
		Path first = generate("RECEIPTC.UKE", 10, 0.0);
		Path copy = Files.copy(first, dir.resolve("RECEIPTC_old.UKE"));
		CheckSummary summary = checker.check(CheckRequest.all(List.of(first, copy), dir.resolve("out.csv")));
		assertThat(summary.byRule()).containsEntry(ClaimChecker.DUPLICATE_MONTH, 1);
		assertThat(summary.receiptsChecked()).isEqualTo(20);
		assertThat(Files.readString(dir.resolve("out.csv"))).contains("RECEIPTC.UKE と RECEIPTC_old.UKE").contains("2026年10月");
	}

	@Test
	void batchesTogetherCheckEveryReceiptExactlyOnce() throws IOException {
		Path uke = generate("RECEIPTC.UKE", 100, 0.4);
		CheckSummary whole = checker.check(CheckRequest.all(List.of(uke), dir.resolve("all.csv")));
		int checked = 0;
		StringBuilder batchRows = new StringBuilder();
		for (int start = 0; start < 100; start += 40) {
			Path out = dir.resolve("batch-" + start + ".csv");
			checked += checker.check(new CheckRequest(List.of(uke), start, 40, out)).receiptsChecked();
			Files.readAllLines(out, StandardCharsets.UTF_8).stream().skip(1).forEach(r -> batchRows.append(r).append('\n'));
		}
		assertThat(checked).isEqualTo(100);
		assertThat(sorted(batchRows.toString())).isEqualTo(sorted(rowsOf(dir.resolve("all.csv"))));
		assertThat(whole.receiptsChecked()).isEqualTo(100);
	}

	@Test
	void aBrokenFileStillGetsItsReceiptsCheckedAndItsProblemsListed() throws IOException {
		List<String> lines = Uke.file(Uke.receipt());
		lines.add(1, "XX,garbage");
		byte[] bytes = Uke.bytes(lines);
		Path uke = dir.resolve("broken.UKE");
		Files.write(uke, java.util.Arrays.copyOf(bytes, bytes.length - 20));
		CheckSummary summary = checker.check(CheckRequest.all(List.of(uke), dir.resolve("out.csv")));
		assertThat(summary.receiptsChecked()).isEqualTo(1);
		assertThat(summary.byRule()).containsKeys("UKE_UNKNOWN_RECORD", "UKE_TRUNCATED", "UKE_NO_GO");
	}

	@Test
	void wrongGoTotalsAreAnError() throws IOException {
		List<String> lines = Uke.file(Uke.receipt());
		lines.set(lines.size() - 1, "GO,1,999,99");
		Path uke = dir.resolve("RECEIPTC.UKE");
		Files.write(uke, Uke.bytes(lines));
		CheckSummary summary = checker.check(CheckRequest.all(List.of(uke), dir.resolve("out.csv")));
		assertThat(summary.byRule()).containsOnlyKeys(ClaimChecker.GO_TOTALS);
	}

	private static String rowsOf(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).collect(Collectors.joining("\n"));
	}

	private static List<String> sorted(String rows) {
		return rows.lines().filter(l -> !l.isBlank()).sorted().toList();
	}

}
