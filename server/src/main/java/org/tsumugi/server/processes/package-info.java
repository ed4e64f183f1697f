/**
 * The process owner's views: deployed processes with their diagrams and versions, instances and where
 * their tokens stand, incidents with retry and cancel, and starting an instance from its start form.
 */
package org.tsumugi.server.processes;
