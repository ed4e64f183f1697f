package org.tsumugi.engine;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The database a test engine runs on: H2 by default, or a real PostgreSQL (embedded binaries from
 * Maven) when the system property tsumugi.test.db is "postgres". The build runs the suite both ways.
 */
public final class TestDatabases {
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static boolean postgres() {
    return "postgres".equals(System.getProperty("tsumugi.test.db"));
  }

  /** Datasource properties of a new, empty database with the given name. */
  public static Map<String, String> fresh(String name) {
    if (!postgres()) {
      return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
          "spring.datasource.username", "sa", "spring.datasource.password", "");
    }
    String database = name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + database, e);
    }
    return Map.of("spring.datasource.url", server().getJdbcUrl("postgres", database),
        "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
  }

  /** Datasource properties of a database that outlives one application context (restart tests). */
  public static Map<String, String> durable(String name) {
    if (!postgres()) {
      return Map.of("spring.datasource.url", "jdbc:h2:file:./target/restart-db/" + name + "-" + UUID.randomUUID(),
          "spring.datasource.username", "sa", "spring.datasource.password", "");
    }
    return fresh(name + "_" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
      }
    }
    return postgres;
  }
}
