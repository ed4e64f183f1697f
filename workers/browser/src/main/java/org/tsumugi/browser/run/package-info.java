/**
 * Playing a scenario on a leased browser: {@link org.tsumugi.browser.run.BrowserRobot} is the
 * plain service the job adapter calls; it knows nothing of Camunda. A run ends in a {@link
 * org.tsumugi.browser.run.RunOutcome}: completed with extracted variables, a business error the
 * scenario declared, or a technical failure worth retrying. Logs name scenarios and steps, never
 * values: what robots type and read is patient data.
 */
package org.tsumugi.browser.run;
