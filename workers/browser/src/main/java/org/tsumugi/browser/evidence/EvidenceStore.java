package org.tsumugi.browser.evidence;

/**
 * Where screenshots, step logs and downloaded files go. Large content never travels in process
 * variables; variables carry the reference this store returns.
 */
public interface EvidenceStore {

  /**
   * Stores one item and returns a reference to it.
   *
   * @param runId the robot run it belongs to (groups a run's items)
   * @param name a short file name, e.g. {@code step-03-failure.png}
   * @param mediaType e.g. {@code image/png}
   * @param content the bytes
   */
  String store(String runId, String name, String mediaType, byte[] content);

  /** The content behind a reference this store returned (e.g. a document a robot uploads). */
  byte[] read(String reference);

  /**
   * What a process variable holds for a reference (a download's {@code as}, {@code browserEvidence}):
   * the reference itself, unless the store has a richer shape that other workers read.
   */
  default Object toVariable(String reference) {
    return reference;
  }

  /** The reference behind a variable value that {@link #toVariable} made (or a pasted reference). */
  default String fromVariable(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
