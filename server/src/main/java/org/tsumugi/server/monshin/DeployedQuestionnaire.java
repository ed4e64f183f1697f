package org.tsumugi.server.monshin;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.monshin.form.QuestionnaireForm;
import org.tsumugi.monshin.form.QuestionnaireSource;

/**
 * The questionnaire as the engine has it deployed, latest version: what the patient page renders, what a
 * submission is checked against and what the normaliser reads. A process owner's change in Modeler thus
 * reaches the next patient without code or a restart.
 */
class DeployedQuestionnaire implements QuestionnaireSource {

  /** One deployed version: its key, the form-js schema and the questions read from it. */
  record Version(long key, String schema, QuestionnaireForm form) {}

  private final JdbcTemplate jdbc;
  private final String formId;
  private volatile Version cached;

  DeployedQuestionnaire(JdbcTemplate jdbc, String formId) {
    this.jdbc = jdbc;
    this.formId = formId;
  }

  /** Empty while no questionnaire is deployed (a fresh install before its first deployment). */
  Optional<Version> latest() {
    var rows = jdbc.query("SELECT form_key, form_schema FROM form_definition WHERE form_id = ? "
        + "ORDER BY version DESC LIMIT 1", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, formId);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    long key = (Long) rows.get(0)[0];
    Version known = cached;
    if (known == null || known.key() != key) {
      String schema = (String) rows.get(0)[1];
      known = new Version(key, schema, QuestionnaireForm.parse(schema));
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
