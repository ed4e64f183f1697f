package org.tsumugi.server.dashboard;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the server's own tables ({@code classpath:db/server}) with their own history table, beside
 * the engine's. Not a {@link Flyway} bean: one would make Spring Boot skip the engine's migrations.
 */
@Configuration
class ServerSchema {

  /** Marker that the server tables exist; what reads them depends on it. */
  record Migrated() {}

  @Bean
  @DependsOnDatabaseInitialization
  Migrated serverTables(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/server")
        .table("flyway_schema_history_server")
        // the engine's tables are already there: start this history on a non-empty schema
        .baselineOnMigrate(true).baselineVersion("0")
        .load().migrate();
    return new Migrated();
  }
}
