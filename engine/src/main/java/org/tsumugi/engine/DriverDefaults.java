package org.tsumugi.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Driver settings that make the engine's writer cheaper per stored command, set on a Hikari pool unless the
 * configuration (its URL or its data source properties) names them already:
 * <ul>
 *   <li>PostgreSQL, {@value #POSTGRES_BATCH_INSERTS}: each insert batch goes as multi-row INSERTs, so the
 *   server parses and plans a batch once instead of once per row. Nothing in Tsumugi reads the per-row counts
 *   this drops.</li>
 *   <li>H2, {@value #H2_QUERY_CACHE}={@value #H2_QUERY_CACHE_SIZE}: H2 keeps 8 parsed statements per
 *   connection by default, fewer than one batch of the writer uses, so it parsed most statements again on
 *   every batch.</li>
 * </ul>
 * Each setting is known only to its own driver, which rejects the other's.
 */
final class DriverDefaults implements BeanPostProcessor {
  static final String POSTGRES_BATCH_INSERTS = "reWriteBatchedInserts";
  static final String H2_QUERY_CACHE = "QUERY_CACHE_SIZE";
  static final String H2_QUERY_CACHE_SIZE = "64";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
      String url = pool.getJdbcUrl();
      if (url.startsWith("jdbc:postgresql:")) {
        setUnlessConfigured(pool, POSTGRES_BATCH_INSERTS, "true");
      } else if (url.startsWith("jdbc:h2:")) {
        setUnlessConfigured(pool, H2_QUERY_CACHE, H2_QUERY_CACHE_SIZE);
      }
    }
    return bean;
  }

  private static void setUnlessConfigured(HikariDataSource pool, String setting, String value) {
    String lowerCase = setting.toLowerCase(Locale.ROOT);
    boolean configured = pool.getJdbcUrl().toLowerCase(Locale.ROOT).contains(lowerCase)
        || pool.getDataSourceProperties().stringPropertyNames().stream()
            .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(lowerCase));
    if (!configured) {
      pool.addDataSourceProperty(setting, value);
    }
  }
}
