package org.tsumugi.monshin.patient;

/** The outcome of looking for the questionnaire's patient among the EMR's search results. */
public sealed interface PatientMatch {

  record Found(String patientId) implements PatientMatch {}

  /** No patient, or several, with that name and birth date: a clerk must decide. */
  record NotFound(String code, String message) implements PatientMatch {}
}
