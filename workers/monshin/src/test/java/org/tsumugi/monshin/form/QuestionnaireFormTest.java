package org.tsumugi.monshin.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a submission must satisfy, read from the form a process owner edits in Modeler. */
class QuestionnaireFormTest {

  private static final QuestionnaireForm FORM = QuestionnaireForm.load(Path.of("../../forms/monshin-questionnaire.form"));

  private static Map<String, Object> valid() {
    return new HashMap<>(Map.of("patientName", "山田 太郎", "patientKana", "ヤマダ タロウ", "birthDate", "S33.4.12",
        "sex", "male", "phone", "09012345678", "visitType", "first", "chiefComplaint", "咳", "onset", "昨日"));
  }

  @Test
  void aCompleteSubmissionHasNoProblems() {
    Map<String, Object> answers = valid();
    answers.putAll(Map.of("painScale", 3, "redFlags", List.of("fever"), "allergy", false));

    assertThat(FORM.validate(answers)).isEmpty();
  }

  @Test
  void everyProblemIsListedAtOnceInTheFormsOrder() {
    Map<String, Object> answers = valid();
    answers.remove("patientKana");
    answers.put("onset", "去年");
    answers.put("painScale", 11);
    answers.put("redFlags", List.of("fever", "headache"));
    answers.put("allergy", "yes");
    answers.put("note", "あ".repeat(401));
    answers.put("creditCard", "1234");

    assertThat(FORM.validate(answers)).extracting(p -> p.item() + ": " + p.message()).containsExactly(
        "creditCard: この問診票にない項目です",
        "patientKana: 「フリガナ」は必須です",
        "onset: 「いつからですか」は選択肢から選んでください",
        "painScale: 「痛みの強さ（0 痛みなし 〜 10 想像できる最悪の痛み）」は0から10の範囲で答えてください",
        "redFlags: 「今あてはまるものをすべて選んでください」に選択肢にない値があります",
        "allergy: 「薬や食べ物のアレルギーがある」ははい・いいえで答えてください",
        "note: 「そのほか伝えたいこと」は400文字以内で答えてください");
  }

  @Test
  void aTextWithoutItsOwnLimitIsStillBounded() {
    QuestionnaireForm form = QuestionnaireForm.parse("""
        {"id": "f", "components": [{"type": "group", "components": [{"type": "textfield", "key": "x", "label": "X"}]}]}
        """);

    assertThat(form.validate(Map.of("x", "a".repeat(QuestionnaireForm.DEFAULT_MAX_LENGTH)))).isEmpty();
    assertThat(form.validate(Map.of("x", "a".repeat(QuestionnaireForm.DEFAULT_MAX_LENGTH + 1)))).hasSize(1);
  }

  @Test
  void aFileThatIsNotAFormIsRefusedWithTheReason() {
    assertThatThrownBy(() -> QuestionnaireForm.parse("{\"components\": []}")).hasMessageContaining("'id'");
    assertThatThrownBy(() -> QuestionnaireForm.parse("<html>")).hasMessageContaining("not valid JSON");
  }
}
