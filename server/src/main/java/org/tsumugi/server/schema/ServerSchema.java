package org.tsumugi.server.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the server's own tables (db/server) with a history table of its own, after the engine's
 * migrations have run: the engine's Flyway refuses a schema that holds tables it did not create.
 * Not a Flyway bean, which would switch off Spring Boot's migration of the engine.
 */
public class ServerSchema {
  static final String HISTORY_TABLE = "flyway_schema_history_server";

  ServerSchema(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/server").table(HISTORY_TABLE)
        // the schema already holds the engine's tables: start this history empty, at version 0
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }
}
