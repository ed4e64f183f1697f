/**
 * The web 問診 intake behind the patient page: a submission checked against the questionnaire's
 * Camunda Form ({@code form}, {@code submit}), answers normalised for the EMR ({@code normalize}), the
 * patient picked from the EMR's search results ({@code patient}) and the job-worker adapters ({@code job}).
 */
package org.tsumugi.monshin;
