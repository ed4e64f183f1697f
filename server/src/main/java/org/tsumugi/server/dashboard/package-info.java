/**
 * 見える化: per workflow, instances started and completed, lead times, robot success and incidents
 * over time and the staff time the robots saved, as charts and CSV for every role.
 */
package org.tsumugi.server.dashboard;
