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
}
