package org.tsumugi.server.audit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tsumugi.server.schema.ServerSchema;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  @Bean
  AuditLog auditLog(JdbcTemplate jdbc, TransactionTemplate transactions, ServerSchema schema) {
    return new AuditLog(jdbc, transactions, schema);
  }

  /** Replaces the referral module's JSON-lines file: AI calls are audited with everything else. */
  @Bean
  AiCallAudit aiCallAudit(JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit, ServerSchema schema) {
    return new AiCallAudit(jdbc, transactions, audit, schema);
  }

  /** After Spring Security's filters (order -100), so the user is known. */
  @Bean
  FilterRegistrationBean<EngineReadAudit> engineReadAudit(AuditLog audit) {
    FilterRegistrationBean<EngineReadAudit> registration = new FilterRegistrationBean<>(new EngineReadAudit(audit));
    registration.addUrlPatterns("/v2/*");
    registration.setOrder(0);
    return registration;
  }
}
