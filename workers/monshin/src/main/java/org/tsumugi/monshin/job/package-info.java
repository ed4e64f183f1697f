/** Thin @JobWorker adapters of the intake's services, and their Spring wiring. */
package org.tsumugi.monshin.job;
