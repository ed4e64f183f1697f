package org.tsumugi.document.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * The database store on a fresh schema made by the server's own migration (V60), so the specification also
 * holds the migration to the tables the store uses.
 */
abstract class DatabaseDocumentStoreContract extends DocumentStoreContract {

	static final Path MIGRATION = Path.of("../../server/src/main/resources/db/server/V60__document_store.sql");

	/** A database no other test uses, with the document tables made. */
	abstract DataSource database();

	private DataSource database;

	@Override
	DocumentStore newStore(long maxSize, Duration retention, Clock clock) {
		if (database == null) {
			database = database();
			migrate(database);
		}
		return new DatabaseDocumentStore(database, maxSize, retention, clock);
	}

	@Override
	long storedEntries() throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT (SELECT COUNT(*) FROM document_store) + (SELECT COUNT(*) FROM document_chunk)")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	@Override
	void afterWithFile(Path file) {
		assertThat(file).as("the temporary copy holds patient data: it is deleted").doesNotExist();
	}

	private static void migrate(DataSource database) {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			String script = Files.readString(MIGRATION, StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
			for (String sql : script.split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("could not apply " + MIGRATION, ex);
		}
	}

}
