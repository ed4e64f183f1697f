package org.tsumugi.monshin.job;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.tsumugi.monshin.form.ItemProblem;
import org.tsumugi.monshin.normalize.AnswerNormalizer;
import org.tsumugi.monshin.normalize.NormalizedAnswers;

/**
 * {@code tsumugi.monshin.normalize}: {@code receptionId} and {@code answers} in; {@code monshin} (the
 * normalised answers), {@code monshinProblems} (per item) and {@code monshinProblemText} (the same, one
 * line each, for the review form) out. Unreadable items are not an error: the nurse corrects them.
 */
public class NormalizeWorker {

  public static final String TYPE = "tsumugi.monshin.normalize";

  private final Supplier<AnswerNormalizer> normalizer;

  public NormalizeWorker(AnswerNormalizer normalizer) {
    this(() -> normalizer);
  }

  /** A normaliser per job, so a questionnaire changed since the last job is the one read. */
  public NormalizeWorker(Supplier<AnswerNormalizer> normalizer) {
    this.normalizer = normalizer;
  }

  @JobWorker(type = TYPE, fetchVariables = {"receptionId", "answers"})
  public Map<String, Object> handle(@Variable("receptionId") String receptionId,
      @Variable("answers") Map<String, Object> answers) {
    NormalizedAnswers result = normalizer.get().normalize(receptionId, answers);
    Map<String, Object> out = new HashMap<>();
    out.put("monshin", result.answers());
    out.put("monshinProblems", result.problems().stream()
        .map(p -> Map.of("item", p.item(), "label", p.label(), "message", p.message())).toList());
    out.put("monshinProblemText", String.join("\n", result.problems().stream().map(ItemProblem::message).toList()));
    out.put("monshinHasProblems", !result.problems().isEmpty());
    return out;
  }
}
