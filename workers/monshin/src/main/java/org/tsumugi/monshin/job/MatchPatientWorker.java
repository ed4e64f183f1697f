package org.tsumugi.monshin.job;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.BpmnError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.tsumugi.monshin.patient.PatientMatch;
import org.tsumugi.monshin.patient.PatientMatcher;

/**
 * {@code tsumugi.monshin.match-patient}: {@code patients} (the EMR search result table) and
 * {@code birthDate} (ISO) in, {@code patientId} out; no single match is the BPMN error
 * {@code PATIENT_NOT_FOUND} or {@code PATIENT_AMBIGUOUS}, which the intake hands to a clerk.
 */
public class MatchPatientWorker {

  public static final String TYPE = "tsumugi.monshin.match-patient";

  private final PatientMatcher matcher;

  public MatchPatientWorker(PatientMatcher matcher) {
    this.matcher = matcher;
  }

  @JobWorker(type = TYPE, fetchVariables = {"patients", "birthDate"})
  public Map<String, Object> handle(@Variable("patients") List<Map<String, Object>> patients,
      @Variable("birthDate") String birthDate) {
    LocalDate date;
    try {
      date = LocalDate.parse(birthDate == null ? "" : birthDate);
    } catch (DateTimeParseException e) {
      throw new BpmnError(PatientMatcher.NOT_FOUND, "生年月日が読み取れないため、患者を特定できません",
          Map.of("patientProblem", "生年月日が読み取れないため、患者を特定できません"), null);
    }
    PatientMatch match = matcher.match(patients, date);
    if (match instanceof PatientMatch.NotFound notFound) {
      throw new BpmnError(notFound.code(), notFound.message(), Map.of("patientProblem", notFound.message()), null);
    }
    return Map.of("patientId", ((PatientMatch.Found) match).patientId());
  }
}
