package org.tsumugi.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infra/postgresql/backup.sh and restore.sh on a real PostgreSQL, with libpq's PG* settings. */
class BackupRestoreSpec {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void restoresWhatWasBackedUpAndReplacesLaterChanges(@TempDir Path backups) throws Exception {
    sql("create table claim_note (id int primary key, note text, payload bytea)",
        "insert into claim_note values (1, 'レセプト夜間点検', '\\x00ff'), (2, '指摘', null)");

    Shell backup = script("infra/postgresql/backup.sh", backups.toString());
    assertThat(backup.exitCode()).as(backup.output()).isZero();
    Path file = Path.of(backup.output().strip().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(file).exists().hasParent(backups);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    sql("delete from claim_note where id = 1", "insert into claim_note values (3, 'after the backup', null)",
        "create table later (id int)");
    Shell restore = script("infra/postgresql/restore.sh", file.toString());

    assertThat(restore.exitCode()).as(restore.output()).isZero();
    assertThat(rows("select id || ':' || note || ':' || coalesce(encode(payload, 'hex'), '-') from claim_note order by id"))
        .containsExactly("1:レセプト夜間点検:00ff", "2:指摘:-");
  }

  @Test
  void refusesAFileThatIsNoBackupAndLeavesTheDatabaseAsItWas(@TempDir Path dir) throws Exception {
    sql("create table kept (id int)", "insert into kept values (7)");
    Path notABackup = Files.writeString(dir.resolve("tsumugi-broken.dump"), "not a dump");

    Shell restore = script("infra/postgresql/restore.sh", notABackup.toString());

    assertThat(restore.exitCode()).isNotZero();
    assertThat(restore.output()).contains("not a pg_dump archive");
    assertThat(rows("select id::text from kept")).containsExactly("7");
  }

  @Test
  void keepsOnlyTheNewestBackups(@TempDir Path backups) throws Exception {
    long day = 86_400_000L;
    for (String old : List.of("tsumugi-20200101T000000Z.dump", "tsumugi-20200102T000000Z.dump")) {
      Files.writeString(backups.resolve(old), "old");
      // the older name gets the older time: the script orders by time
      backups.resolve(old).toFile().setLastModified(day += 86_400_000L);
    }

    Shell backup = Shell.run(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(postgres.getPort()),
        "PGUSER", "postgres", "PGDATABASE", "postgres", "KEEP", "2"), "infra/postgresql/backup.sh", backups.toString());

    assertThat(backup.exitCode()).as(backup.output()).isZero();
    try (var files = Files.list(backups)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .hasSize(2).contains("tsumugi-20200102T000000Z.dump").doesNotContain("tsumugi-20200101T000000Z.dump");
    }
  }

  private static Shell script(String script, String argument) throws Exception {
    return Shell.run(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(postgres.getPort()),
        "PGUSER", "postgres", "PGDATABASE", "postgres"), script, argument);
  }

  private static void sql(String... statements) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static List<String> rows(String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }
}
