package org.tsumugi.monshin.form;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the questionnaire comes from at the moment it is needed. A server reads the form the engine has
 * deployed, so a process owner's change in Modeler applies to the next patient without a restart; a
 * stand-alone worker reads the file.
 */
@FunctionalInterface
public interface QuestionnaireSource {

  /** The questionnaire to check and read answers against now. */
  QuestionnaireForm current();

  static QuestionnaireSource of(QuestionnaireForm form) {
    return () -> form;
  }

  /**
   * The form file, read once. A broken file stops the start with its message; a missing one only makes
   * the intake unavailable, as a server may run without the intake's files (a test, a remote engine).
   */
  static QuestionnaireSource file(Path file) {
    if (!Files.exists(file)) {
      return () -> {
        throw new IllegalStateException("no questionnaire form at " + file.toAbsolutePath()
            + " (set tsumugi.monshin.form)");
      };
    }
    return of(QuestionnaireForm.load(file));
  }
}
