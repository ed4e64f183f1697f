package org.tsumugi.monshin.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tsumugi.monshin}.
 *
 * @param form the questionnaire's Camunda Form file (the one the server deploys from forms/), a file-system
 *     path relative to the working directory (a String: Spring would read a Path as a class-path resource)
 * @param duplicateWindow how long a reception's submission is remembered to refuse a second one
 * @param emrIdColumn header of the patient id column in the EMR's search results
 * @param emrBirthDateColumn header of the birth date column in the EMR's search results
 * @param allowRegistration whether the robot may register a patient the EMR does not know (新患登録); off, a
 *     clerk identifies such a patient, because a clinic may want reception to check identity first
 */
@ConfigurationProperties("tsumugi.monshin")
public record MonshinProperties(
    @DefaultValue("forms/monshin-questionnaire.form") String form,
    @DefaultValue("P1D") Duration duplicateWindow,
    @DefaultValue("患者ID") String emrIdColumn,
    @DefaultValue("生年月日") String emrBirthDateColumn,
    @DefaultValue("false") boolean allowRegistration) {}
