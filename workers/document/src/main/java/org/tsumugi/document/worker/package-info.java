/**
 * The thin job-worker adapters: each maps one job type's variables and headers to a service call
 * and its result back. A {@link org.tsumugi.document.DocumentProblem} becomes a BPMN error whose
 * code is the problem's code, so a model can route a bad scan to a clerk; any other exception fails
 * the job, which is retried and ends in an incident a person can retry.
 */
package org.tsumugi.document.worker;
