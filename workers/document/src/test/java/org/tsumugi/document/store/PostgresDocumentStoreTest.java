package org.tsumugi.document.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;

/** The database store on a real PostgreSQL (embedded binaries), as a hospital server runs it. */
class PostgresDocumentStoreTest extends DatabaseDocumentStoreContract {

	private static EmbeddedPostgres postgres;

	@Override
	DataSource database() {
		String name = "documents_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server().getDatabase("postgres", name);
	}

	private static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("the embedded PostgreSQL did not start", ex);
			}
		}
		return postgres;
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}

}
