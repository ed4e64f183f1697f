package org.tsumugi.engine.state;

/**
 * One state change, appended in the same transaction as the change itself: the audit trail and the
 * source of later dashboards.
 */
public record HistoryRecord(long key, String valueType, String intent, long processInstanceKey,
    String elementId, long timestamp, String payload) {}
