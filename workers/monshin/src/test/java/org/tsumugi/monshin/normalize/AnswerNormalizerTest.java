package org.tsumugi.monshin.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsumugi.monshin.form.ItemProblem;
import org.tsumugi.monshin.form.QuestionnaireForm;

/** The normaliser, item by item, against the real forms/monshin-questionnaire.form. */
class AnswerNormalizerTest {

  private static final QuestionnaireForm FORM = QuestionnaireForm.load(Path.of("../../forms/monshin-questionnaire.form"));
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

  private final AnswerNormalizer normalizer = new AnswerNormalizer(FORM, TODAY);

  private static Map<String, Object> answers(Map<String, Object> changes) {
    Map<String, Object> a = new HashMap<>(Map.of("patientName", "山田 太郎", "patientKana", "ヤマダ タロウ",
        "birthDate", "1958-04-12", "sex", "male", "phone", "09012345678", "visitType", "first",
        "chiefComplaint", "咳", "onset", "昨日"));
    a.putAll(changes);
    return a;
  }

  private NormalizedAnswers normalize(Map<String, Object> changes) {
    return normalizer.normalize("R-1", answers(changes));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = ';', value = {
      "昭和33年4月12日;      1958-04-12; 昭和33年4月12日",
      "S33.4.12;            1958-04-12; 昭和33年4月12日",
      "昭和三十三年四月十二日; 1958-04-12; 昭和33年4月12日",
      "１９５８／０４／１２;  1958-04-12; 昭和33年4月12日",
      "19580412;            1958-04-12; 昭和33年4月12日",
      "令和元年5月1日;       2019-05-01; 令和1年5月1日",
      "平成31年4月30日;      2019-04-30; 平成31年4月30日",
  })
  void readsBirthDatesIn和暦And西暦(String typed, String iso, String wareki) {
    NormalizedAnswers result = normalize(Map.of("birthDate", typed));

    assertThat(result.problems()).isEmpty();
    assertThat(result.answers()).containsEntry("birthDate", iso).containsEntry("birthDateWareki", wareki);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"平成32年1月1日", "2月30日生まれ", "2027/1/1", "1850/1/1", "わかりません"})
  void anImpossibleOrUnreadableBirthDateIsAProblemAndKeptAsTyped(String typed) {
    NormalizedAnswers result = normalize(Map.of("birthDate", typed));

    assertThat(result.problems()).extracting(ItemProblem::item).containsExactly("birthDate");
    assertThat(result.problems().get(0).message()).startsWith("「生年月日」");
    assertThat(result.answers()).containsEntry("birthDate", typed).doesNotContainKey("age");
  }

  @Test
  void theAgeIsCountedOnTheHospitalsCalendarDay() {
    assertThat(normalize(Map.of("birthDate", "1958-11-25")).answers()).containsEntry("age", 68);
    assertThat(normalize(Map.of("birthDate", "1958-11-26")).answers()).containsEntry("age", 67);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = ';', value = {
      "０９０－１２３４－５６７８; 090-1234-5678",
      "090 1234 5678;           090-1234-5678",
      "+81 90-1234-5678;        090-1234-5678",
      "(03)1234-5678;           03-1234-5678",
      "0120-123-456;            0120-123-456",
      "0172-12-3456;            0172123456",
  })
  void phoneNumbersBecomeDialableDigits(String typed, String expected) {
    NormalizedAnswers result = normalize(Map.of("phone", typed));

    assertThat(result.problems()).isEmpty();
    assertThat(result.answers()).containsEntry("phone", expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"12345", "090-1234-56789", "1234567890", "電話なし", "01012345678"})
  void aNumberThatCannotBeJapaneseIsAProblem(String typed) {
    NormalizedAnswers result = normalize(Map.of("phone", typed));

    assertThat(result.problems()).extracting(ItemProblem::item).containsExactly("phone");
    assertThat(result.answers()).containsEntry("phone", typed);
  }

  @Test
  void widthsAreFoldedButThePatientsOwnPunctuationStays() {
    NormalizedAnswers result = normalize(Map.of("patientName", "山田　　太郎", "patientKana", "ﾔﾏﾀﾞ ﾀﾛｳ",
        "chiefComplaint", "３日前から\n頭痛（３８．２℃）ｶﾞﾝｶﾞﾝする"));

    assertThat(result.answers()).containsEntry("name", "山田 太郎").containsEntry("kana", "ヤマダ タロウ")
        .containsEntry("chiefComplaint", "3日前から 頭痛（38．2℃）ガンガンする");
  }

  @Test
  void hiraganaFuriganaBecomesKatakanaAndOtherScriptsAreAProblem() {
    assertThat(normalize(Map.of("patientKana", "やまだ　たろう")).answers()).containsEntry("kana", "ヤマダ タロウ");
    assertThat(normalize(Map.of("patientKana", "山田太郎")).problems()).extracting(ItemProblem::item)
        .containsExactly("patientKana");
  }

  @Test
  void missingRequiredItemsAreEachNamed() {
    Map<String, Object> a = answers(Map.of());
    a.remove("chiefComplaint");
    a.put("phone", " ");

    assertThat(normalizer.normalize("R-1", a).problems()).extracting(ItemProblem::message)
        .containsExactly("「電話番号」の回答がありません", "「今日はどうされましたか（主な症状）」の回答がありません");
  }

  @Test
  void everyFieldOfTheNurseReviewFormIsOneTheNormaliserFills() throws Exception {
    var review = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        java.nio.file.Files.readString(Path.of("../../forms/monshin-review.form")));
    List<String> reviewKeys = new java.util.ArrayList<>();
    review.findParents("path").stream().filter(g -> g.path("path").asText().equals("reviewed"))
        .flatMap(g -> java.util.stream.StreamSupport.stream(g.path("components").spliterator(), false))
        .forEach(c -> reviewKeys.add(c.path("key").asText()));

    assertThat(reviewKeys).isNotEmpty();
    assertThat(normalize(Map.of()).answers()).containsKeys(reviewKeys.toArray(String[]::new));
  }

  @Test
  void choicesBecomeTheirLabelsAndTheEmrNoteCarriesWhatTheEmrFormHasNoFieldFor() {
    NormalizedAnswers result = normalize(Map.of("sex", "female", "pregnancy", "possible", "allergy", true,
        "allergyDetail", "ペニシリン", "painScale", 7, "redFlags", List.of("fever", "cold-sweat"),
        "note", "<b>早めに</b>"));

    assertThat(result.answers()).containsEntry("sexLabel", "女性").containsEntry("pregnancy", "妊娠の可能性あり")
        .containsEntry("redFlagLabels", "38度以上の発熱、冷や汗").containsEntry("redFlags", List.of("fever", "cold-sweat"));
    assertThat((String) result.answers().get("emrNote")).isEqualTo(String.join("\n",
        "web問診（受付番号 R-1）", "アレルギー: ペニシリン", "痛み: NRS 7/10", "該当症状: 38度以上の発熱、冷や汗",
        "妊娠・授乳: 妊娠の可能性あり", "患者より: <b>早めに</b>"));
  }

  // The process normalises again after the nurse's review, on the output she corrected.

  private Map<String, Object> reviewed(Map<String, Object> corrections) {
    Map<String, Object> monshin = new HashMap<>(normalizer.normalize("R-1", answers(Map.of("patientName", "山田　太郎",
        "patientKana", "ﾔﾏﾀﾞ ﾀﾛｳ", "birthDate", "平成3年11月3日", "phone", "０９０－１２３４－５６７８",
        "visitType", "return", "painScale", 4, "redFlags", List.of("fever"), "allergy", true,
        "allergyDetail", "ペニシリン", "pregnancy", "none"))).answers());
    monshin.putAll(corrections);
    return monshin;
  }

  @Test
  void normalisingItsOwnOutputAgainChangesNothing() {
    Map<String, Object> once = reviewed(Map.of());

    NormalizedAnswers twice = normalizer.normalize("R-1", once);

    assertThat(twice.problems()).isEmpty();
    assertThat(twice.answers()).isEqualTo(once);
    assertThat(once).containsEntry("name", "山田 太郎").containsEntry("kana", "ヤマダ タロウ")
        .containsEntry("birthDate", "1991-11-03").containsEntry("visitType", "2回目以降");
  }

  @Test
  void aCorrectedBirthDateGetsItsOwn和暦AndAge() {
    NormalizedAnswers result = normalizer.normalize("R-1", reviewed(Map.of("birthDate", "1989-11-03")));

    assertThat(result.problems()).isEmpty();
    assertThat(result.answers()).containsEntry("birthDate", "1989-11-03")
        .containsEntry("birthDateWareki", "平成1年11月3日").containsEntry("age", 37);
    assertThat(reviewed(Map.of())).containsEntry("birthDateWareki", "平成3年11月3日").containsEntry("age", 35);
  }

  @Test
  void theEmrNoteFollowsCorrectionsUnlessTheNurseRewroteIt() {
    Map<String, Object> corrected = reviewed(Map.of("allergyDetail", "ペニシリン、卵"));
    assertThat((String) normalizer.normalize("R-1", corrected).answers().get("emrNote"))
        .contains("アレルギー: ペニシリン、卵");

    corrected.put("emrNote", "web問診（受付番号 R-1）\nアレルギー: ペニシリン（電話で確認）");
    NormalizedAnswers kept = normalizer.normalize("R-1", corrected);
    assertThat(kept.answers()).containsEntry("emrNote", "web問診（受付番号 R-1）\nアレルギー: ペニシリン（電話で確認）");
    assertThat(normalizer.normalize("R-1", kept.answers()).answers()).isEqualTo(kept.answers());
  }

  @Test
  void anInvalidCorrectionIsAProblemLikeAnInvalidAnswer() {
    NormalizedAnswers impossible = normalizer.normalize("R-1", reviewed(Map.of("birthDate", "1991-02-30")));
    assertThat(impossible.problems()).extracting(ItemProblem::message).containsExactly("「生年月日」があり得ない日付です");
    assertThat(impossible.answers()).containsEntry("birthDate", "1991-02-30").doesNotContainKeys("age", "birthDateWareki");

    NormalizedAnswers blanked = normalizer.normalize("R-1", reviewed(Map.of("name", " ", "phone", "03-12")));
    assertThat(blanked.problems()).extracting(ItemProblem::message)
        .containsExactly("「電話番号」は市外局番からの10桁または携帯電話の11桁で書いてください", "「お名前（漢字）」の回答がありません");
  }

  @Test
  void answersToQuestionsAProcessOwnerAddedSurviveTheSecondPass() {
    String json = """
        {"id": "custom", "components": [
          {"type": "textfield", "key": "patientName", "label": "お名前", "validate": {"required": true}},
          {"type": "textfield", "key": "insurance", "label": "保険証の種類", "validate": {"required": true}}
        ]}""";
    AnswerNormalizer custom = new AnswerNormalizer(QuestionnaireForm.parse(json), TODAY);
    Map<String, Object> once = custom.normalize("R-1", Map.of("patientName", "山田 太郎", "insurance", "国保")).answers();

    NormalizedAnswers twice = custom.normalize("R-1", once);

    assertThat(twice.problems()).isEmpty();
    assertThat(twice.answers().get("otherAnswers")).isEqualTo(List.of(Map.of("label", "保険証の種類", "value", "国保")));
  }
}
