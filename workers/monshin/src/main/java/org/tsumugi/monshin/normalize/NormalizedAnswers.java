package org.tsumugi.monshin.normalize;

import java.util.List;
import java.util.Map;
import org.tsumugi.monshin.form.ItemProblem;

/**
 * The answers as the nurse, the EMR robot and the PDF use them, and what could not be normalised
 * (left as typed, for the nurse to correct in the review).
 */
public record NormalizedAnswers(Map<String, Object> answers, List<ItemProblem> problems) {}
