package org.tsumugi.server.monshin;

import java.util.Optional;
import org.tsumugi.monshin.form.QuestionnaireForm;
import org.tsumugi.monshin.form.QuestionnaireSource;

/**
 * The questionnaire as deployed, latest version: what the patient page renders, what a submission is
 * checked against and what the normaliser reads. A process owner's change thus reaches the next patient
 * without code changes.
 */
class DeployedQuestionnaire implements QuestionnaireSource {

  /** One deployed version: its key, the form-js schema and the questions read from it. */
  record Version(long key, String schema, QuestionnaireForm form) {}

  /** A deployed form's latest version as stored: the key it went live under and its schema. */
  record Stored(long key, String schema) {}

  /** Where the latest version of a form is read (the embedded engine's tables, or what went to the cluster). */
  @FunctionalInterface
  interface Store {
    Optional<Stored> latest(String formId);
  }

  private final Store store;
  private final String formId;
  private volatile Version cached;

  DeployedQuestionnaire(Store store, String formId) {
    this.store = store;
    this.formId = formId;
  }

  /** Empty while no questionnaire is deployed (a fresh install before its first deployment). */
  Optional<Version> latest() {
    Optional<Stored> stored = store.latest(formId);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Version known = cached;
    if (known == null || known.key() != stored.get().key()) {
      String schema = stored.get().schema();
      known = new Version(stored.get().key(), schema, QuestionnaireForm.parse(schema));
      cached = known;
    }
    return Optional.of(known);
  }

  @Override
  public QuestionnaireForm current() {
    return latest().map(Version::form).orElseThrow(() -> new IllegalStateException(
        "the questionnaire form '" + formId + "' is not deployed"));
  }
}
