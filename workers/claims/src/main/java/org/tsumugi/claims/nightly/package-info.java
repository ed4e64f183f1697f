/**
 * The nightly claim check around the checker: importing new UKE files from the inbox, grouping findings
 * into review tasks per 診療科, re-checking corrected receipts and writing the morning report.
 */
package org.tsumugi.claims.nightly;
