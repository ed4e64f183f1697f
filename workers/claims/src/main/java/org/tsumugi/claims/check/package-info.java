/**
 * Runs the checks over whole UKE files or batches of their receipts, writes the findings to a file (never
 * into process variables: a month can have tens of thousands) and adapts this to the
 * {@code tsumugi.claims.check} job worker.
 */
package org.tsumugi.claims.check;
