package org.tsumugi.server.notification;

import org.tsumugi.referral.notice.Notifier;

/**
 * The referral workers' channel in the server: the notice is kept for the requester's notifications
 * page and, where mail is configured, the fixed text (no patient data) is mailed too.
 */
class ServerNotifier implements Notifier {
  private final Notifications notifications;
  private final NoticeMail mail;

  ServerNotifier(Notifications notifications, NoticeMail mail) {
    this.notifications = notifications;
    this.mail = mail;
  }

  @Override
  public void send(Notice notice) {
    if (notice.recipient() == null || notice.recipient().isBlank()) {
      // nobody to tell: failing the job makes an incident a person can resolve (set requestingDoctor, retry)
      throw new IllegalArgumentException("the notice " + notice.code() + " has no recipient (requestingDoctor)");
    }
    notifications.add(notice.recipient(), notice.code(), notice.message(), notice.processInstanceKey(),
        notice.patientId() == null || notice.patientId().isBlank() ? null : notice.patientId());
    mail.send(notice.recipient(), notice.message());
  }
}
