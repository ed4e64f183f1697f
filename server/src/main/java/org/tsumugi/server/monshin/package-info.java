/**
 * The web 問診 patient page: staff issue links (per visit or per clinic, expiring, only a hash kept),
 * patients open one without a login, answer the deployed questionnaire with form-js and submit it to
 * {@link org.tsumugi.monshin.submit.MonshinSubmission}, which starts the intake once per reception.
 */
package org.tsumugi.server.monshin;
