package org.tsumugi.document.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.tsumugi.document.DocumentReference;
import org.tsumugi.document.TestDocuments;

/**
 * What every document store does, whatever keeps the bytes: each kind of store runs these specifications
 * (on disk, and in the database on H2 and PostgreSQL).
 */
abstract class DocumentStoreContract {

	static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

	@TempDir
	Path dir;

	DocumentStore store;

	/** A store over the same storage as every other store this test makes. */
	abstract DocumentStore newStore(long maxSize, Duration retention, Clock clock);

	/** How many documents or parts of documents the storage holds, complete or not. */
	abstract long storedEntries() throws Exception;

	@BeforeEach
	void open() {
		store = newStore(1024 * 1024, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void streamsContentLargerThanOneChunkBackUnchanged() throws Exception {
		byte[] content = new byte[3 * 1024 * 1024 + 17];
		new java.util.SplittableRandom(7).nextBytes(content);
		DocumentStore big = newStore(10 * 1024 * 1024, Duration.ofDays(1), Clock.fixed(NOW, ZoneOffset.UTC));

		StoredDocument stored = big.store(new ByteArrayInputStream(content), "scan.tif", null);

		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.sha256()).isEqualTo(java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
		try (InputStream in = big.open(stored.id())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		Path[] seen = new Path[1];
		byte[] viaFile = big.withFile(stored.id(), file -> {
			seen[0] = file;
			return Files.readAllBytes(file);
		});
		assertThat(viaFile).isEqualTo(content);
		assertThat(big.metadata(stored.id())).isEqualTo(stored);
		afterWithFile(seen[0]);
	}

	/** What becomes of the file a reader was given once it is done. */
	abstract void afterWithFile(Path file);

	@Test
	void deletesADocumentWithItsContent() throws Exception {
		StoredDocument stored = store.store(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), "a.bin", null);

		assertThat(store.delete(stored.id())).isTrue();
		assertThat(store.delete(stored.id())).isFalse();
		assertThatThrownBy(() -> store.open(stored.id())).isInstanceOf(DocumentProblem.class);
		assertThat(storedEntries()).isZero();
	}

	@Test
	void keepsContentAndMetadataUnderARandomId() throws Exception {
		byte[] pdf = Files.readAllBytes(TestDocuments.textPdf(dir.resolve("in.pdf"), List.of(List.of("紹介状"))));

		StoredDocument stored = store.store(new ByteArrayInputStream(pdf), "紹介状.pdf", 2251799813685249L);

		assertThat(stored.id()).matches("[0-9a-f-]{36}");
		assertThat(stored.name()).isEqualTo("紹介状.pdf");
		assertThat(stored.contentType()).isEqualTo(ContentTypes.PDF);
		assertThat(stored.size()).isEqualTo(pdf.length);
		assertThat(stored.sha256()).hasSize(64);
		assertThat(stored.created()).isEqualTo(NOW);
		assertThat(stored.retainUntil()).isEqualTo(NOW.plus(Duration.ofDays(30)));
		assertThat(store.metadata(stored.id())).isEqualTo(stored);
		try (InputStream in = store.open(stored.id())) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
	}

	@Test
	void hashesTheContentSoAReferenceCanBeChecked() throws Exception {
		StoredDocument stored = store.store(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), "a.txt",
				null);

		assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(stored.reference()).isEqualTo(new DocumentReference(stored.id(), "a.txt",
				ContentTypes.UNKNOWN, stored.sha256()));
	}

	@Test
	void trustsTheBytesNotTheFileName() throws Exception {
		StoredDocument stored = store.store(new ByteArrayInputStream("not a pdf".getBytes(StandardCharsets.UTF_8)),
				"scan.pdf", null);

		assertThat(stored.contentType()).isEqualTo(ContentTypes.UNKNOWN);
	}

	@Test
	void keepsOnlyTheLastSegmentOfAFileName() throws Exception {
		StoredDocument stored = store.store(new ByteArrayInputStream(new byte[] { 1 }), "..\\..\\etc/passwd", null);

		assertThat(stored.name()).isEqualTo("passwd");
	}

	@Test
	void purgesDocumentsWhoseRetentionHasPassed() throws Exception {
		StoredDocument shortLived = store.store(new ByteArrayInputStream(new byte[] { 1 }), "a", null,
				Duration.ofDays(1));
		StoredDocument kept = store.store(new ByteArrayInputStream(new byte[] { 2 }), "b", null);
		DocumentStore later = newStore(1024, Duration.ofDays(30), Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC));

		assertThat(later.purgeExpired()).isEqualTo(1);
		assertThatThrownBy(() -> later.metadata(shortLived.id())).isInstanceOf(DocumentProblem.class);
		assertThat(later.metadata(kept.id()).name()).isEqualTo("b");
	}

	@Test
	void refusesContentOverTheSizeLimitAndLeavesNothingBehind() throws Exception {
		DocumentStore small = newStore(100_000, Duration.ofDays(1), Clock.systemUTC());

		assertThatThrownBy(() -> small.store(new ByteArrayInputStream(new byte[200_000]), "big.pdf", null))
			.isInstanceOf(DocumentProblem.class)
			.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.DOCUMENT_TOO_LARGE));
		assertThatThrownBy(() -> small.store(new ByteArrayInputStream(new byte[3_000_000]), "bigger.pdf", null))
			.isInstanceOf(DocumentProblem.class);
		assertThat(storedEntries()).isZero();
	}

	@Test
	void treatsIdsThatAreNotIdsAsNotFound() {
		assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(DocumentProblem.class)
			.satisfies(ex -> assertThat(((DocumentProblem) ex).code()).isEqualTo(Code.DOCUMENT_NOT_FOUND));
		assertThatThrownBy(() -> store.metadata("00000000-0000-0000-0000-000000000000"))
			.isInstanceOf(DocumentProblem.class)
			.hasMessage("文書が見つかりません。");
	}
}
