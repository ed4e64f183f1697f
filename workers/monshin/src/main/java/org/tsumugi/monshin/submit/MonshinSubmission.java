package org.tsumugi.monshin.submit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.tsumugi.monshin.form.ItemProblem;
import org.tsumugi.monshin.form.QuestionnaireForm;
import org.tsumugi.monshin.form.QuestionnaireSource;

/**
 * Receives a questionnaire from the patient page: checks it against the form and starts the intake
 * by publishing the start message, correlated by the reception id.
 *
 * <p>A double submit (a second tap, a reload, a retry over a bad connection) must not start a second
 * intake. The reception id is also the message id, and the message is kept for {@code dedupWindow}: the
 * engine refuses a second message with the same id while the first is kept, and never lets one message
 * start the same process twice.
 */
public class MonshinSubmission {

  public static final String MESSAGE = "monshin-submitted";

  private static final Pattern RECEPTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private final Supplier<CamundaClient> client;
  private final QuestionnaireSource form;
  private final Duration dedupWindow;
  private final Clock clock;
  private final boolean allowRegistration;

  public MonshinSubmission(CamundaClient client, QuestionnaireForm form, Duration dedupWindow, Clock clock) {
    this(() -> client, QuestionnaireSource.of(form), dedupWindow, clock);
  }

  /** With the client and the questionnaire looked up per submission (both may change while running). */
  public MonshinSubmission(Supplier<CamundaClient> client, QuestionnaireSource form, Duration dedupWindow,
      Clock clock) {
    this(client, form, dedupWindow, clock, false);
  }

  /**
   * As above; {@code allowRegistration} is handed to each intake so that a patient the EMR does not know is
   * registered by the robot instead of going to a clerk (the clinic's choice, fixed per intake at submission).
   */
  public MonshinSubmission(Supplier<CamundaClient> client, QuestionnaireSource form, Duration dedupWindow,
      Clock clock, boolean allowRegistration) {
    this.client = client;
    this.form = form;
    this.dedupWindow = dedupWindow;
    this.clock = clock;
    this.allowRegistration = allowRegistration;
  }

  public SubmissionResult submit(String receptionId, Map<String, Object> answers) {
    if (receptionId == null || !RECEPTION_ID.matcher(receptionId).matches()) {
      return new SubmissionResult.Rejected(List.of(new ItemProblem("receptionId", "受付番号",
          "受付番号が正しくありません。受付で受け取ったリンクから開き直してください")));
    }
    Map<String, Object> given = answers == null ? Map.of() : answers;
    List<ItemProblem> problems = form.current().validate(given);
    if (!problems.isEmpty()) {
      return new SubmissionResult.Rejected(problems);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("receptionId", receptionId);
    variables.put("answers", given);
    // The start of the reception KPI (submission to EMR entry): the moment the patient pressed 送信.
    variables.put("submittedAt", clock.instant().toString());
    variables.put("allowRegistration", allowRegistration);
    try {
      client.get().newPublishMessageCommand().messageName(MESSAGE).correlationKey(receptionId).messageId(receptionId)
          .timeToLive(dedupWindow).variables(variables).send().join();
    } catch (ProblemException e) {
      if (e.code() == 409) {
        return new SubmissionResult.AlreadySubmitted(receptionId);
      }
      throw e;
    }
    return new SubmissionResult.Accepted(receptionId);
  }
}
