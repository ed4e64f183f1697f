/**
 * Claim checking (レセプト点検): reads a month's electronic claim file (UKE, 医科), checks every receipt
 * against Java rules and DMN tables that process owners edit, and writes findings for clerks.
 * Sub-packages by feature: {@code uke} reads the file, {@code master} loads the official code masters,
 * {@code rules} holds the checks, {@code check} runs them in batches and adapts them to a job worker.
 */
package org.tsumugi.claims;
