package org.tsumugi.claims.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.camunda.client.exception.BpmnError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.claims.Checks;
import org.tsumugi.claims.rules.RuleSettings;
import org.tsumugi.claims.uke.UkeGenerator;

/** The job adapter: variables in, a findings file and counts out, BPMN errors for missing input. */
class ClaimCheckWorkerTest {

	@TempDir
	Path dir;

	ClaimCheckWorker worker() {
		return new ClaimCheckWorker(new ClaimChecker(Checks.MASTERS, Checks.TABLES, RuleSettings.defaults()),
				dir.resolve("findings"));
	}

	@Test
	void aBatchReturnsCountsAndAReferenceNotTheFindings() throws IOException {
		Path uke = dir.resolve("RECEIPTC.UKE");
		new UkeGenerator(new UkeGenerator.Options(300, YearMonth.of(2026, 10), 3, 0.3)).write(uke);
		Map<String, Object> out = worker().handle(List.of(uke.toString()), 100, 100, "run-1");
		assertThat(out).containsEntry("receiptsChecked", 100).containsEntry("receiptsRead", 200);
		assertThat(out.get("findingsFile")).isEqualTo(dir.resolve("findings/run-1.csv").toAbsolutePath().toString());
		assertThat(Files.readAllLines(Path.of((String) out.get("findingsFile")))).hasSize((int) out.get("findingsCount") + 1);
		assertThat((int) out.get("errorCount") + (int) out.get("warningCount") + (int) out.get("infoCount"))
			.isEqualTo(out.get("findingsCount"));
		assertThat(out.values()).noneMatch(v -> v instanceof List);
	}

	@Test
	void withoutBatchVariablesTheWholeFileIsChecked() throws IOException {
		Path uke = dir.resolve("RECEIPTC.UKE");
		new UkeGenerator(new UkeGenerator.Options(50, YearMonth.of(2026, 10), 3, 0.0)).write(uke);
		Map<String, Object> out = worker().handle(List.of(uke.toString()), null, null, "run-2");
		assertThat(out).containsEntry("receiptsChecked", 50).containsEntry("findingsCount", 0);
	}

	@Test
	void aMissingFileIsABpmnErrorTheModelCanCatch() {
		assertThatThrownBy(() -> worker().handle(List.of(dir.resolve("nope.UKE").toString()), 0, 0, "run-3"))
			.isInstanceOfSatisfying(BpmnError.class, e -> {
				assertThat(e.getErrorCode()).isEqualTo(ClaimCheckWorker.FILE_NOT_FOUND);
				assertThat(e.getErrorMessage()).contains("nope.UKE");
			});
	}

	@Test
	void noFilesIsABpmnError() {
		assertThatThrownBy(() -> worker().handle(List.of(), 0, 0, "run-4"))
			.isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(ClaimCheckWorker.NO_FILES));
	}

}
