package org.tsumugi.monshin.normalize;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tsumugi.document.fields.JapaneseDates;
import org.tsumugi.document.fields.JapaneseText;
import org.tsumugi.monshin.form.ItemProblem;
import org.tsumugi.monshin.form.Question;
import org.tsumugi.monshin.form.QuestionnaireForm;

/**
 * Turns a patient's answers into values staff and robots can rely on: widths folded, フリガナ in
 * katakana, the birth date from 和暦 or 西暦 into ISO (and back into 和暦 for people), the phone number
 * into digits, choices into their labels, and a note for the EMR summarising the items the EMR's 問診
 * form has no field for. Every item it cannot read is a problem naming the item; its value stays as
 * typed so nothing the patient wrote is lost.
 *
 * <p>It also reads its own output, so the process runs it again on the answers the nurse corrected:
 * derived values (和暦, age, the phone's grouping) follow her corrections, and an invalid correction is
 * a problem like an invalid answer. Normalising twice changes nothing.
 */
public class AnswerNormalizer {

  private static final DateTimeFormatter WAREKI =
      DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN).withChronology(JapaneseChronology.INSTANCE);

  private static final int OLDEST_AGE = 130;

  /** The items the output holds under another key than the form's; read back from there. */
  private static final Map<String, String> OUTPUT_KEYS = Map.of("patientName", "name", "patientKana", "kana");

  private final QuestionnaireForm form;
  private final Clock clock;

  public AnswerNormalizer(QuestionnaireForm form, Clock clock) {
    this.form = form;
    this.clock = clock;
  }

  public NormalizedAnswers normalize(String receptionId, Map<String, Object> answers) {
    Map<String, Object> in = answers == null ? Map.of() : answers;
    Map<String, Object> out = new LinkedHashMap<>();
    List<ItemProblem> problems = new ArrayList<>();

    out.put("name", JapaneseText.collapseSpaces(Widths.fold(text(in, "patientName"))));
    kana(text(in, "patientKana"), out, problems);
    birthDate(text(in, "birthDate"), out, problems);
    out.put("sex", text(in, "sex"));
    out.put("sexLabel", label("sex", text(in, "sex")));
    phone(text(in, "phone"), out, problems);
    out.put("visitType", label("visitType", text(in, "visitType")));
    out.put("chiefComplaint", Widths.oneLine(text(in, "chiefComplaint")));
    out.put("onset", text(in, "onset"));
    out.put("painScale", in.get("painScale") instanceof Number n ? n.intValue() : null);
    List<String> redFlags = in.get("redFlags") instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    out.put("redFlags", redFlags);
    out.put("redFlagLabels", String.join("、", redFlags.stream().map(v -> label("redFlags", v)).toList()));
    out.put("allergy", Boolean.TRUE.equals(in.get("allergy")));
    out.put("allergyDetail", Widths.fold(text(in, "allergyDetail")));
    out.put("medications", Widths.fold(text(in, "medications")));
    out.put("history", Widths.fold(text(in, "history")));
    out.put("pregnancy", label("pregnancy", text(in, "pregnancy")));
    out.put("smoking", label("smoking", text(in, "smoking")));
    out.put("note", Widths.fold(text(in, "note")));
    List<Map<String, Object>> other = otherAnswers(in);
    out.put("otherAnswers", other.isEmpty() ? carriedOtherAnswers(in) : other);
    putEmrNote(receptionId, in, out);

    for (Question q : form.questions()) {
      if (q.required() && !answered(in, q)) {
        problems.add(new ItemProblem(q.key(), q.label(), "「" + q.label() + "」の回答がありません"));
      }
    }
    return new NormalizedAnswers(out, problems);
  }

  private void kana(String typed, Map<String, Object> out, List<ItemProblem> problems) {
    String kana = JapaneseText.collapseSpaces(JapaneseText.toKatakana(JapaneseText.normalize(typed)));
    out.put("kana", kana);
    if (!kana.isEmpty() && !kana.matches("[\\u30A1-\\u30FAー・ ]+")) {
      problems.add(problem("patientKana", "はカタカナ（またはひらがな）で書いてください"));
    }
  }

  private void birthDate(String typed, Map<String, Object> out, List<ItemProblem> problems) {
    Optional<LocalDate> date = parseDate(typed);
    LocalDate today = LocalDate.now(clock);
    if (date.isEmpty()) {
      out.put("birthDate", typed);
      if (!typed.isBlank()) {
        problems.add(problem("birthDate", looksLikeADate(typed) ? "があり得ない日付です"
            : "を読み取れません（例: 昭和33年4月12日、1958/4/12）"));
      }
      return;
    }
    LocalDate d = date.get();
    if (d.isAfter(today) || Period.between(d, today).getYears() > OLDEST_AGE) {
      out.put("birthDate", typed);
      problems.add(problem("birthDate", "があり得ない日付です"));
      return;
    }
    out.put("birthDate", d.toString());
    out.put("birthDateWareki", d.isBefore(LocalDate.of(1873, 1, 1)) ? d.toString() : WAREKI.format(JapaneseDate.from(d)));
    out.put("age", Period.between(d, today).getYears());
  }

  /** Year, month and day written out (1990-02-30, 平成32年1月1日) but no such day: say so, not "unreadable". */
  private static boolean looksLikeADate(String typed) {
    return JapaneseText.normalize(typed).matches(".*\\d+\\s*[年./-]\\s*\\d+\\s*[月./-]\\s*\\d+.*");
  }

  /** 和暦 and 西暦 as JapaneseDates reads them, plus the bare eight digits some patients type. */
  static Optional<LocalDate> parseDate(String typed) {
    String text = JapaneseText.normalize(typed).strip();
    if (text.matches("\\d{8}")) {
      try {
        return Optional.of(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE));
      } catch (java.time.DateTimeException e) {
        return Optional.empty();
      }
    }
    return JapaneseDates.find(text);
  }

  private void phone(String typed, Map<String, Object> out, List<ItemProblem> problems) {
    Optional<String> digits = PhoneNumbers.digits(typed);
    if (digits.isPresent()) {
      out.put("phone", PhoneNumbers.display(digits.get()));
    } else {
      out.put("phone", typed);
      if (!typed.isBlank()) {
        problems.add(problem("phone", "は市外局番からの10桁または携帯電話の11桁で書いてください"));
      }
    }
  }

  /**
   * Answers to questions a process owner added to the form are not among the output's keys: when the
   * output is read back, they count as answered when its {@code otherAnswers} has their label.
   */
  private static boolean answered(Map<String, Object> in, Question q) {
    if (!QuestionnaireForm.blank(value(in, q.key()))) {
      return true;
    }
    return !KNOWN.contains(q.key()) && carriedOtherAnswers(in).stream()
        .anyMatch(a -> q.label().equals(a.get("label")) && !QuestionnaireForm.blank(a.get("value")));
  }

  /** {@code otherAnswers} of an earlier pass (the output read back), as they were. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> carriedOtherAnswers(Map<String, Object> in) {
    return in.get("otherAnswers") instanceof Collection<?> c
        ? c.stream().filter(Map.class::isInstance).map(a -> (Map<String, Object>) a).toList()
        : List.of();
  }

  /**
   * The note is generated from the answers, and the nurse may rewrite it in the review. Her text wins;
   * a note she left as generated is generated again from the corrected answers. {@code emrNoteGenerated}
   * remembers which text was generated, so the next pass can tell the two apart.
   */
  private static void putEmrNote(String receptionId, Map<String, Object> in, Map<String, Object> out) {
    String generated = emrNote(receptionId, out);
    Object earlier = in.get("emrNote");
    boolean rewritten = earlier instanceof String && !earlier.equals(in.get("emrNoteGenerated"));
    out.put("emrNote", rewritten ? earlier : generated);
    out.put("emrNoteGenerated", generated);
  }

  /** Answers to questions a process owner added to the form, kept as label and value for the nurse and the PDF. */
  private List<Map<String, Object>> otherAnswers(Map<String, Object> in) {
    List<Map<String, Object>> other = new ArrayList<>();
    for (Question q : form.questions()) {
      if (!KNOWN.contains(q.key()) && !QuestionnaireForm.blank(in.get(q.key()))) {
        Object value = in.get(q.key());
        String shown = value instanceof Collection<?> c
            ? String.join("、", c.stream().map(v -> label(q.key(), String.valueOf(v))).toList())
            : value instanceof Boolean b ? (b ? "はい" : "いいえ") : label(q.key(), Widths.fold(String.valueOf(value)));
        other.add(Map.of("label", q.label(), "value", shown));
      }
    }
    return other;
  }

  private static final List<String> KNOWN = List.of("patientName", "patientKana", "birthDate", "sex", "phone",
      "visitType", "chiefComplaint", "onset", "painScale", "redFlags", "allergy", "allergyDetail", "medications",
      "history", "pregnancy", "smoking", "note");

  /** The EMR's 問診 form has fields for the complaint, onset and allergy only; the rest goes into 備考. */
  private static String emrNote(String receptionId, Map<String, Object> a) {
    List<String> lines = new ArrayList<>();
    lines.add("web問診（受付番号 " + receptionId + "）");
    if ((Boolean) a.get("allergy")) {
      lines.add("アレルギー: " + orUnknown(a.get("allergyDetail")));
    }
    if (a.get("painScale") != null) {
      lines.add("痛み: NRS " + a.get("painScale") + "/10");
    }
    addIfPresent(lines, "該当症状", a.get("redFlagLabels"));
    addIfPresent(lines, "服薬", a.get("medications"));
    addIfPresent(lines, "既往歴", a.get("history"));
    addIfPresent(lines, "妊娠・授乳", a.get("pregnancy"));
    addIfPresent(lines, "喫煙", a.get("smoking"));
    addIfPresent(lines, "患者より", a.get("note"));
    return String.join("\n", lines);
  }

  private static void addIfPresent(List<String> lines, String label, Object value) {
    if (value != null && !value.toString().isBlank()) {
      lines.add(label + ": " + value);
    }
  }

  private static String orUnknown(Object value) {
    return value == null || value.toString().isBlank() ? "内容未記入" : value.toString();
  }

  private String label(String key, String value) {
    Question q = form.question(key);
    if (q == null || value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    return q.labelOf(value);
  }

  private ItemProblem problem(String key, String message) {
    Question q = form.question(key);
    String label = q == null ? key : q.label();
    return new ItemProblem(key, label, "「" + label + "」" + message);
  }


  private static String text(Map<String, Object> in, String key) {
    Object v = value(in, key);
    return v == null ? "" : String.valueOf(v);
  }

  private static Object value(Map<String, Object> in, String key) {
    Object v = in.get(key);
    return v == null && OUTPUT_KEYS.containsKey(key) ? in.get(OUTPUT_KEYS.get(key)) : v;
  }
}
