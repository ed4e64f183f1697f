package org.tsumugi.monshin.job;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.tsumugi.monshin.form.QuestionnaireSource;
import org.tsumugi.monshin.normalize.AnswerNormalizer;
import org.tsumugi.monshin.patient.PatientMatcher;
import org.tsumugi.monshin.submit.MonshinSubmission;

/**
 * Wires the web 問診 intake into a Spring Boot application: adding the module is enough. The form file
 * is read at start-up, so a broken questionnaire stops the start with its message instead of refusing
 * patients later; an application may supply its own {@link QuestionnaireSource} (the server reads the
 * engine's deployed form).
 */
@AutoConfiguration
@EnableConfigurationProperties(MonshinProperties.class)
public class MonshinConfiguration {

  @Bean
  @ConditionalOnMissingBean
  QuestionnaireSource monshinQuestionnaireSource(MonshinProperties properties) {
    return QuestionnaireSource.file(java.nio.file.Path.of(properties.form()));
  }

  /** The client is looked up per submission: a server with its robots off has none, yet still starts. */
  @Bean
  MonshinSubmission monshinSubmission(ObjectProvider<CamundaClient> client, QuestionnaireSource form,
      MonshinProperties properties) {
    return new MonshinSubmission(client::getObject, form, properties.duplicateWindow(), Clock.systemUTC(),
        properties.allowRegistration());
  }

  @Bean
  NormalizeWorker monshinNormalizeWorker(QuestionnaireSource form) {
    // Ages are counted on the hospital's calendar day, which is the server's zone.
    return new NormalizeWorker(() -> new AnswerNormalizer(form.current(), Clock.systemDefaultZone()));
  }

  @Bean
  MatchPatientWorker monshinMatchPatientWorker(MonshinProperties properties) {
    return new MatchPatientWorker(new PatientMatcher(properties.emrIdColumn(), properties.emrBirthDateColumn()));
  }
}
