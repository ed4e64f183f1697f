/**
 * Pooled headless Chromium sessions. Starting Chromium costs seconds, so sessions are reused across
 * jobs, reset between them, health-checked before each lease and replaced after a crash or after a
 * number of jobs (long-lived browsers slowly leak memory). Debian's chromium and chromedriver are
 * used as installed: nothing is downloaded at run time.
 */
package org.tsumugi.browser.pool;
