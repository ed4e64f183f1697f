package org.tsumugi.claims.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.claims.master.MasterEntry.Kind;

class MastersTest {

	@Test
	void theSyntheticSetHasEverySixMasters() {
		Masters masters = Masters.synthetic();
		for (Kind kind : Kind.values()) {
			assertThat(masters.size(kind)).as(kind.title()).isPositive();
		}
		MasterEntry first = masters.find(Kind.PROCEDURE, "111000110", LocalDate.of(2026, 10, 1));
		assertThat(first.name()).isEqualTo("初診料");
		assertThat(first.points()).isEqualTo("291");
		assertThat(first.countsActualDay()).isTrue();
		assertThat(masters.find(Kind.PROCEDURE, "113001810", null).monthlyLimit()).isEqualTo(2);
		assertThat(masters.find(Kind.MODIFIER, "8002", null).name()).isEqualTo("の疑い");
		assertThat(masters.find(Kind.COMMENT, "830100001", null).extra()).as("pattern").isEqualTo("30");
		assertThat(masters.find(Kind.DISEASE, "2500015", null).extra()).as("ICD-10").isEqualTo("E11.9");
	}

	@Test
	void aCodeIsLookedUpForTheDayOfTreatment() {
		Masters masters = Masters.synthetic();
		assertThat(masters.find(Kind.PROCEDURE, "119999910", LocalDate.of(2025, 3, 31))).isNotNull();
		assertThat(masters.find(Kind.PROCEDURE, "119999910", LocalDate.of(2025, 4, 1))).isNull();
		assertThat(masters.knows(Kind.PROCEDURE, "119999910")).isTrue();
	}

	@Test
	void realMastersAreReadFromAConfiguredFolderInTheOfficialShape(@TempDir Path dir) throws IOException {
		// Two revisions of one drug side by side, with a quoted comma and a doubled quote in the name.
		String older = "\"0\",\"Y\",\"620000099\",\"\",\"旧名\"" + ",\"\"".repeat(24) + ",\"20240401\",\"20250331\"";
		String newer = "\"0\",\"Y\",\"620000099\",\"\",\"新名, \"\"錠\"\"\"" + ",\"\"".repeat(24) + ",\"20250401\",\"99999999\"";
		Files.write(dir.resolve("y_ALL20250401.csv"), (older + "\r\n" + newer + "\r\n").getBytes(MasterCsv.MS932));
		Files.writeString(dir.resolve("readme.txt"), "not a master");
		Masters masters = Masters.load(dir);
		assertThat(masters.find(Kind.DRUG, "620000099", LocalDate.of(2024, 10, 1)).name()).isEqualTo("旧名");
		assertThat(masters.find(Kind.DRUG, "620000099", LocalDate.of(2025, 10, 1)).name()).isEqualTo("新名, \"錠\"");
		assertThat(masters.size(Kind.PROCEDURE)).isZero();
	}

	@Test
	void detailCodesBelongToAMasterByTheirFirstDigit() {
		assertThat(Masters.kindOfDetailCode("111000110")).isEqualTo(Kind.PROCEDURE);
		assertThat(Masters.kindOfDetailCode("620000001")).isEqualTo(Kind.DRUG);
		assertThat(Masters.kindOfDetailCode("700000001")).isEqualTo(Kind.MATERIAL);
		assertThat(Masters.kindOfDetailCode("830100001")).isEqualTo(Kind.COMMENT);
		assertThat(Masters.kindOfDetailCode("999999999")).isNull();
	}

}
