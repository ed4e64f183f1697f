package org.tsumugi.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets the PostgreSQL driver send each of the writer's insert batches as multi-row INSERTs instead of one
 * statement execution per row: the server parses and plans a batch once, which is most of its work per stored
 * command. Only the PostgreSQL driver knows the setting (H2 would reject it), and an explicit value in the
 * configuration wins. Nothing in Tsumugi reads the per-row counts a batch returns, which this setting drops.
 */
final class PostgresBatchInserts implements BeanPostProcessor {
  static final String SETTING = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !pool.getJdbcUrl().contains(SETTING)
        && !pool.getDataSourceProperties().containsKey(SETTING)) {
      pool.addDataSourceProperty(SETTING, "true");
    }
    return bean;
  }
}
