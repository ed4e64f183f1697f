package org.tsumugi.server.web;

/**
 * Told of every page view that shows patient data (a task, a document, a process instance), so the
 * audit log can record who saw what. Implementations get only the kind and key, never the data.
 */
public interface PatientDataViews {
  String TASK = "USER_TASK";
  String INSTANCE = "PROCESS_INSTANCE";
  String DOCUMENT = "DOCUMENT";
  /** A robot's screenshot, keyed by its evidence reference. */
  String EVIDENCE = "EVIDENCE";

  void viewed(String kind, String key);
}
