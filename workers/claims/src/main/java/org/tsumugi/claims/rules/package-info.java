/**
 * The checks. Java rules cover what a decision table cannot express (check digits, day counts, dates
 * across records); DMN tables in {@code bpmn/} hold the item-by-item knowledge process owners maintain
 * (indications, count limits, age and sex, exclusive items, required comments). Both produce
 * {@link org.tsumugi.claims.rules.Finding}s.
 */
package org.tsumugi.claims.rules;
