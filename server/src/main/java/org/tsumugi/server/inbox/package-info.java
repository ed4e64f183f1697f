/**
 * The inbox of clerks, nurses and doctors: the open tasks assigned to them or offered to their groups,
 * claim and release, and the task page that renders the task's Camunda Form and completes it.
 */
package org.tsumugi.server.inbox;
