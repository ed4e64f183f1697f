package org.tsumugi.monshin.submit;

import java.util.List;
import org.tsumugi.monshin.form.ItemProblem;

/** What the patient page tells the patient after a submit. */
public sealed interface SubmissionResult {

  /** The intake started (or will start at once) for this reception. */
  record Accepted(String receptionId) implements SubmissionResult {}

  /** This reception's questionnaire was already received; nothing new was started. */
  record AlreadySubmitted(String receptionId) implements SubmissionResult {}

  /** Nothing was sent: these answers need fixing first. */
  record Rejected(List<ItemProblem> problems) implements SubmissionResult {}
}
