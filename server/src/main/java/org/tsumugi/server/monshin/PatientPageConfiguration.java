package org.tsumugi.server.monshin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.deploy.ClusterForms;
import org.tsumugi.server.schema.ServerSchema;

/**
 * The patient page and the link pages. The questionnaire is the deployed form: in embedded mode as the
 * engine's tables hold it (Modeler deployments included), in remote mode as this server's start-up
 * deployment sent it to the cluster (the cluster's API gives no schema by form id). That form also feeds
 * the intake's normaliser and MonshinSubmission in place of the form file. The links stay in the server's
 * own database in both modes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientPageSettings.class)
class PatientPageConfiguration {

  @Bean
  @ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true)
  DeployedQuestionnaire deployedQuestionnaire(JdbcTemplate jdbc, PatientPageSettings settings) {
    return new DeployedQuestionnaire(formId -> jdbc.query("SELECT form_key, form_schema FROM form_definition "
        + "WHERE form_id = ? ORDER BY version DESC LIMIT 1", (rs, n) -> new DeployedQuestionnaire.Stored(
            rs.getLong(1), rs.getString(2)), formId).stream().findFirst(), settings.formId());
  }

  @Bean
  @ConditionalOnProperty(name = "tsumugi.mode", havingValue = "remote")
  DeployedQuestionnaire clusterQuestionnaire(ClusterForms forms, PatientPageSettings settings) {
    return new DeployedQuestionnaire(formId -> forms.latest(formId)
        .map(form -> new DeployedQuestionnaire.Stored(form.key(), form.schema())), settings.formId());
  }

  @Bean
  MonshinLinks monshinLinks(JdbcTemplate jdbc, ServerSchema schema) {
    return new MonshinLinks(jdbc, schema);
  }
}
