package org.tsumugi.document.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The default store: files under the data directory. */
class DiskDocumentStoreTest extends DocumentStoreContract {

	@Override
	DocumentStore newStore(long maxSize, Duration retention, Clock clock) {
		return new DiskDocumentStore(dir.resolve("documents"), maxSize, retention, clock);
	}

	@Override
	long storedEntries() {
		try (var files = Files.walk(dir.resolve("documents"))) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	void afterWithFile(Path file) {
		assertThat(file).as("readers get the stored file itself").exists();
	}

}
