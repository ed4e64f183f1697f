package org.tsumugi.monshin.job;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.tsumugi.monshin.form.QuestionnaireForm;
import org.tsumugi.monshin.normalize.AnswerNormalizer;
import org.tsumugi.monshin.patient.PatientMatcher;
import org.tsumugi.monshin.submit.MonshinSubmission;

/**
 * Wires the web 問診 intake into a Spring Boot application: adding the module is enough. The form is
 * read at start-up, so a broken questionnaire stops the start with its message instead of refusing
 * patients later.
 */
@AutoConfiguration
@EnableConfigurationProperties(MonshinProperties.class)
public class MonshinConfiguration {

  @Bean
  QuestionnaireForm monshinQuestionnaireForm(MonshinProperties properties) {
    return QuestionnaireForm.load(java.nio.file.Path.of(properties.form()));
  }

  @Bean
  MonshinSubmission monshinSubmission(CamundaClient client, QuestionnaireForm form, MonshinProperties properties) {
    return new MonshinSubmission(client, form, properties.duplicateWindow(), Clock.systemUTC());
  }

  @Bean
  NormalizeWorker monshinNormalizeWorker(QuestionnaireForm form) {
    // Ages are counted on the hospital's calendar day, which is the server's zone.
    return new NormalizeWorker(new AnswerNormalizer(form, Clock.systemDefaultZone()));
  }

  @Bean
  MatchPatientWorker monshinMatchPatientWorker(MonshinProperties properties) {
    return new MatchPatientWorker(new PatientMatcher(properties.emrIdColumn(), properties.emrBirthDateColumn()));
  }
}
