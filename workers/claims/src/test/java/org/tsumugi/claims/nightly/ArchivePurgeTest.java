package org.tsumugi.claims.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.claims.uke.UkeGenerator;

/** Imported claim files and findings are deleted once their retention has passed, and not a day before. */
class ArchivePurgeTest {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@TempDir
	Path dir;

	@Test
	void filesOlderThanTheRetentionAreDeletedAndTheLedgerIsKept() throws IOException {
		Instant imported = Instant.parse("2021-11-01T17:00:00Z");
		UkeInbox inbox = new UkeInbox(dir.resolve("inbox"), dir.resolve("archive"), Clock.fixed(imported, TOKYO));
		Files.createDirectories(dir.resolve("inbox"));
		new UkeGenerator(new UkeGenerator.Options(3, YearMonth.of(2021, 10), 1, 0.0)).write(dir.resolve("inbox/OLD.UKE"));
		Path oldFile = inbox.importNew().files().get(0);
		Path findings = Files.createDirectories(dir.resolve("findings")).resolve("claims-1.csv");
		Files.writeString(findings, "ファイル,レセプト番号\r\n");
		Files.setLastModifiedTime(findings, java.nio.file.attribute.FileTime.from(imported));

		Instant later = Instant.parse("2026-10-01T17:00:00Z");
		UkeInbox laterInbox = new UkeInbox(dir.resolve("inbox"), dir.resolve("archive"), Clock.fixed(later, TOKYO));
		new UkeGenerator(new UkeGenerator.Options(3, YearMonth.of(2026, 9), 2, 0.0)).write(dir.resolve("inbox/NEW.UKE"));
		Path newFile = laterInbox.importNew().files().get(0);

		ArchivePurge beforeFiveYears = purge(inbox, Instant.parse("2026-10-31T17:00:00Z"));
		assertThat(beforeFiveYears.purge()).as("a day short of five years").isZero();
		assertThat(oldFile).exists();

		ArchivePurge afterFiveYears = purge(inbox, Instant.parse("2026-11-01T17:00:01Z"));
		assertThat(afterFiveYears.purge()).isEqualTo(2);
		assertThat(oldFile).doesNotExist();
		assertThat(oldFile.getParent()).as("the emptied checksum folder goes too").doesNotExist();
		assertThat(findings).doesNotExist();
		assertThat(newFile).exists();
		assertThat(inbox.ledger()).as("checksums and months only; keeps a re-dropped old file from being checked")
			.exists()
			.content()
			.contains("OLD.UKE", "NEW.UKE");
	}

	private ArchivePurge purge(UkeInbox inbox, Instant now) {
		return new ArchivePurge(List.of(inbox.archive(), dir.resolve("findings")), Set.of(inbox.ledger()), Period.ofYears(5),
				Clock.fixed(now, TOKYO));
	}

}
