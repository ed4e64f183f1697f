package org.tsumugi.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.TsumugiApplication;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.security.UserAccount;
import org.tsumugi.server.security.UserService;

/**
 * On PostgreSQL too the server's tables migrate beside the engine's, each with its own history, a
 * restart migrates nothing again, and the audit chain and lock-out times survive the round trip.
 */
class ServerSchemaOnPostgresTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private ConfigurableApplicationContext server() {
    return new SpringApplicationBuilder(TsumugiApplication.class).run("--server.port=0",
        "--tsumugi.deploy.folders=target/no-models", "--tsumugi.security.initial-admin-password=postgres-admin-pw",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
  }

  @Test
  void migratesBesideTheEngineAndKeepsTheChainAcrossARestart() {
    try (ConfigurableApplicationContext first = server()) {
      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history_server where success and version = '1'",
          Integer.class)).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '1'", Integer.class))
          .as("the engine's own history").isEqualTo(1);
      AuditLog audit = first.getBean(AuditLog.class);
      audit.record("nurse1", "VIEW", "/v2/process-instances/1", "200", "127.0.0.1");
      assertThat(audit.verify().intact()).isTrue();

      UserService users = first.getBean(UserService.class);
      jdbc.update("update tsumugi_user set locked_until = ? where username = 'admin'",
          java.time.OffsetDateTime.now().plusMinutes(10));
      UserAccount admin = users.find("admin").orElseThrow();
      assertThat(admin.lockedAt(Instant.now())).isTrue();
      assertThat(admin.lockedAt(Instant.now().plus(Duration.ofMinutes(11)))).isFalse();
      jdbc.update("update tsumugi_user set locked_until = null where username = 'admin'");
    }
    try (ConfigurableApplicationContext second = server()) {
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select count(*) from tsumugi_user where username <> 'tsumugi-robots'", Integer.class))
          .as("one admin beside the in-process robots' account").isEqualTo(1);
      AuditLog audit = second.getBean(AuditLog.class);
      audit.record("nurse1", "VIEW", "/v2/process-instances/2", "200", "127.0.0.1");
      assertThat(audit.verify().intact()).isTrue();
      assertThat(audit.verify().entries()).isGreaterThanOrEqualTo(3);
    }
  }
}
