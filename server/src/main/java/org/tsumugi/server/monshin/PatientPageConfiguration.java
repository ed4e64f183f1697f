package org.tsumugi.server.monshin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.schema.ServerSchema;

/**
 * The patient page and the link pages. They read the questionnaire from the embedded engine's tables, so
 * they run in embedded mode only (like the inbox); the deployed form then also feeds the intake's
 * normaliser and MonshinSubmission in place of the form file.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(PatientPageSettings.class)
class PatientPageConfiguration {

  @Bean
  DeployedQuestionnaire deployedQuestionnaire(JdbcTemplate jdbc, PatientPageSettings settings) {
    return new DeployedQuestionnaire(jdbc, settings.formId());
  }

  @Bean
  MonshinLinks monshinLinks(JdbcTemplate jdbc, ServerSchema schema) {
    return new MonshinLinks(jdbc, schema);
  }
}
