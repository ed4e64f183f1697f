/**
 * The thin Camunda adapter for job type {@code tsumugi.browser.run}: task headers and variables in,
 * a completed job, a BPMN error or a failed job with back-off out. All robot logic lives in {@link
 * org.tsumugi.browser.run.BrowserRobot}.
 */
package org.tsumugi.browser.job;
