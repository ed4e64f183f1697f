package org.tsumugi.claims.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.claims.uke.UkeGenerator;

/** The inbox: new files are imported once, moved out of the inbox, and a second file for a month is flagged. */
class UkeInboxTest {

	@TempDir
	Path dir;

	UkeInbox inbox() {
		return new UkeInbox(dir.resolve("inbox"), dir.resolve("archive"));
	}

	void drop(String name, int receipts, long seed, YearMonth month) throws IOException {
		Files.createDirectories(dir.resolve("inbox"));
		new UkeGenerator(new UkeGenerator.Options(receipts, month, seed, 0.1)).write(dir.resolve("inbox").resolve(name));
	}

	@Test
	void newFilesAreMovedToTheArchiveAndListed() throws IOException {
		drop("RECEIPTC.UKE", 5, 1, YearMonth.of(2026, 10));
		Files.writeString(dir.resolve("inbox/readme.txt"), "not a claim file");
		UkeInbox.Imported imported = inbox().importNew();
		assertThat(imported.files()).singleElement().satisfies(p -> {
			assertThat(p).exists().startsWith(dir.resolve("archive").toAbsolutePath());
			assertThat(p.getFileName()).hasToString("RECEIPTC.UKE");
		});
		assertThat(imported.skipped()).isEmpty();
		assertThat(imported.monthWarnings()).isEmpty();
		assertThat(dir.resolve("inbox/RECEIPTC.UKE")).doesNotExist();
		assertThat(dir.resolve("inbox/readme.txt")).as("other files are left alone").exists();
		assertThat(inbox().importNew().files()).as("nothing new the next night").isEmpty();
	}

	@Test
	void theSameBytesUnderAnotherNameAreNotImportedTwice() throws IOException {
		drop("RECEIPTC.UKE", 5, 1, YearMonth.of(2026, 10));
		inbox().importNew();
		drop("RECEIPTC_copy.uke", 5, 1, YearMonth.of(2026, 10));
		UkeInbox.Imported again = inbox().importNew();
		assertThat(again.files()).isEmpty();
		assertThat(again.skipped()).containsExactly("RECEIPTC_copy.uke");
		assertThat(dir.resolve("inbox/RECEIPTC_copy.uke")).as("moved aside, not reported every night").doesNotExist();
	}

	@Test
	void aSecondFileForAMonthIsImportedAndFlagged() throws IOException {
		drop("A.UKE", 5, 1, YearMonth.of(2026, 10));
		drop("B.UKE", 6, 2, YearMonth.of(2026, 10));
		drop("C.UKE", 5, 3, YearMonth.of(2026, 9));
		UkeInbox.Imported imported = inbox().importNew();
		assertThat(imported.files()).hasSize(3);
		assertThat(imported.monthWarnings()).singleElement()
			.satisfies(w -> assertThat(w).startsWith("B.UKE: ").contains("2026年10月").contains("A.UKE"));
		drop("D.UKE", 7, 4, YearMonth.of(2026, 9));
		assertThat(inbox().importNew().monthWarnings()).as("also against earlier nights")
			.singleElement()
			.satisfies(w -> assertThat(w).contains("C.UKE"));
	}

}
