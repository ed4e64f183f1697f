package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.engine.EngineTest;
import org.tsumugi.engine.TestDatabases;

/** The engine's connections are set up for its batched writer, on whichever database it runs. */
class DriverSettingsSpec extends EngineTest {

  @Autowired DataSource dataSource;

  @Test
  void theWritersConnectionsKeepOneBatchsStatementsParsedOrSendInsertsAsMultiRowStatements() throws Exception {
    if (TestDatabases.postgres()) {
      try (Connection connection = dataSource.getConnection()) {
        assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
            .isTrue();
      }
    } else {
      assertThat(new JdbcTemplate(dataSource).queryForObject(
          "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'",
          String.class)).isEqualTo("64");
    }
  }
}
