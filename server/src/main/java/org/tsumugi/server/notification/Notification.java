package org.tsumugi.server.notification;

import java.time.Instant;

/** One notice to one person; {@code patientId} is null when the notice concerns no patient. */
public record Notification(long id, String recipient, String code, String message, Long processInstanceKey,
    String patientId, Instant createdAt, Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
