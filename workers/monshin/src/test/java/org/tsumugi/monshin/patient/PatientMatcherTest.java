package org.tsumugi.monshin.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Taking the patient from the EMR's name search only on a single birth-date match. */
class PatientMatcherTest {

  private final PatientMatcher matcher = new PatientMatcher("患者ID", "生年月日");

  private static Map<String, Object> row(String id, String birthDate) {
    return Map.of("患者ID", id, "氏名", "山田 花子", "生年月日", birthDate);
  }

  @Test
  void oneBirthDateMatchIsThePatientWhateverDateFormatTheEmrShows() {
    List<Map<String, Object>> rows = List.of(row("P0004", "1962-07-19"), row("P0009", "昭和40年1月2日"));

    assertThat(matcher.match(rows, LocalDate.of(1962, 7, 19))).isEqualTo(new PatientMatch.Found("P0004"));
    assertThat(matcher.match(rows, LocalDate.of(1965, 1, 2))).isEqualTo(new PatientMatch.Found("P0009"));
  }

  @Test
  void noMatchOrSeveralMatchesGoToAClerk() {
    List<Map<String, Object>> twins = List.of(row("P0004", "1962-07-19"), row("P0005", "1962/7/19"));

    assertThat(matcher.match(twins, LocalDate.of(1990, 1, 1)))
        .isEqualTo(new PatientMatch.NotFound("PATIENT_NOT_FOUND", "電子カルテに氏名と生年月日の一致する患者がいません"));
    assertThat(matcher.match(twins, LocalDate.of(1962, 7, 19))).isInstanceOfSatisfying(PatientMatch.NotFound.class,
        n -> assertThat(n.code()).isEqualTo("PATIENT_AMBIGUOUS"));
    assertThat(matcher.match(null, LocalDate.of(1962, 7, 19))).isInstanceOf(PatientMatch.NotFound.class);
  }
}
