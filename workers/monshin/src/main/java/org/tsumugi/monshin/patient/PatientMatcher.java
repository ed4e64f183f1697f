package org.tsumugi.monshin.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tsumugi.document.fields.JapaneseDates;

/**
 * Picks the patient from the EMR's search results by birth date, since a name search alone finds
 * namesakes. Only a single exact match is taken: entering a questionnaire into the wrong chart is
 * worse than asking a clerk.
 */
public class PatientMatcher {

  public static final String NOT_FOUND = "PATIENT_NOT_FOUND";
  public static final String AMBIGUOUS = "PATIENT_AMBIGUOUS";

  private final String idColumn;
  private final String birthDateColumn;

  /** @param idColumn and birthDateColumn: headers of the EMR's result table (患者ID, 生年月日 in the sandbox) */
  public PatientMatcher(String idColumn, String birthDateColumn) {
    this.idColumn = idColumn;
    this.birthDateColumn = birthDateColumn;
  }

  public PatientMatch match(List<Map<String, Object>> candidates, LocalDate birthDate) {
    List<String> ids = candidates == null ? List.of() : candidates.stream()
        .filter(row -> dateOf(row.get(birthDateColumn)).map(birthDate::equals).orElse(false))
        .map(row -> Objects.toString(row.get(idColumn), ""))
        .filter(id -> !id.isBlank())
        .distinct()
        .toList();
    if (ids.size() == 1) {
      return new PatientMatch.Found(ids.get(0));
    }
    if (ids.isEmpty()) {
      return new PatientMatch.NotFound(NOT_FOUND, "電子カルテに氏名と生年月日の一致する患者がいません");
    }
    return new PatientMatch.NotFound(AMBIGUOUS, "電子カルテに氏名と生年月日の一致する患者が" + ids.size() + "人います");
  }

  private static Optional<LocalDate> dateOf(Object cell) {
    return cell == null ? Optional.empty() : JapaneseDates.find(cell.toString());
  }
}
