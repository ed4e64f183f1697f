package org.tsumugi.server.schema;

import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServerSchemaConfiguration {

  /** Depends on the engine's migration; the server's repositories depend on this bean. */
  @Bean
  @DependsOnDatabaseInitialization
  ServerSchema serverSchema(DataSource dataSource) {
    return new ServerSchema(dataSource);
  }
}
