package org.tsumugi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** A driver setting the operator configured is never overridden, and no driver gets another's setting. */
class DriverDefaultsTest {

  @Test
  void aQueryCacheSizeInTheH2UrlIsLeftAsConfigured() {
    HikariDataSource pool = pool("jdbc:h2:file:./data/tsumugi;query_cache_size=16");

    new DriverDefaults().postProcessBeforeInitialization(pool, "dataSource");

    assertThat(pool.getDataSourceProperties()).isEmpty();
  }

  @Test
  void aBatchRewriteSettingInThePropertiesIsLeftAsConfigured() {
    HikariDataSource pool = pool("jdbc:postgresql://db/tsumugi");
    pool.addDataSourceProperty("reWriteBatchedInserts", "false");

    new DriverDefaults().postProcessBeforeInitialization(pool, "dataSource");

    assertThat(pool.getDataSourceProperties()).containsOnly(entry("reWriteBatchedInserts", "false"));
  }

  @Test
  void eachDriverGetsOnlyItsOwnSetting() {
    HikariDataSource h2 = pool("jdbc:h2:mem:tsumugi");
    HikariDataSource postgres = pool("jdbc:postgresql://db/tsumugi");
    HikariDataSource other = pool("jdbc:mariadb://db/tsumugi");

    for (HikariDataSource pool : new HikariDataSource[] {h2, postgres, other}) {
      new DriverDefaults().postProcessBeforeInitialization(pool, "dataSource");
    }

    assertThat(h2.getDataSourceProperties()).containsOnly(entry("QUERY_CACHE_SIZE", "64"));
    assertThat(postgres.getDataSourceProperties()).containsOnly(entry("reWriteBatchedInserts", "true"));
    assertThat(other.getDataSourceProperties()).isEmpty();
  }

  private static java.util.Map.Entry<Object, Object> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
