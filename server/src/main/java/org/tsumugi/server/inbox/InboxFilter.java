package org.tsumugi.server.inbox;

/**
 * The inbox filters from the query string; blank means no filter.
 *
 * @param due {@code overdue}, {@code today} or {@code week}
 * @param priority the lowest priority shown
 */
public record InboxFilter(String process, String due, Integer priority) {}
