package org.tsumugi.server.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.tsumugi.server.security.UserAccount;
import org.tsumugi.server.security.UserRepository;

/**
 * Mails a notice's fixed text to the recipient's address from the user account. Off (a null sender)
 * unless the hospital configures it, since nothing may leave the server unasked; the text carries no
 * patient data. A failed mail is logged and dropped: the notice is on the notifications page already.
 */
class NoticeMail {
  private static final Logger log = LoggerFactory.getLogger(NoticeMail.class);
  static final String SUBJECT = "【Tsumugi】お知らせ";
  private final JavaMailSender sender;
  private final UserRepository users;
  private final String from;
  private final String pageUrl;

  NoticeMail(JavaMailSender sender, UserRepository users, String from, String pageUrl) {
    this.sender = sender;
    this.users = users;
    this.from = from;
    this.pageUrl = pageUrl;
  }

  void send(String recipient, String message) {
    if (sender == null) {
      return;
    }
    String to = users.find(recipient).map(UserAccount::email).filter(address -> !address.isBlank()).orElse(null);
    if (to == null) {
      log.info("no mail address for user {}; the notice waits on the notifications page", recipient);
      return;
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(to);
    mail.setSubject(SUBJECT);
    mail.setText(message + (pageUrl.isBlank() ? "" : "\n\nお知らせの一覧: " + pageUrl));
    try {
      sender.send(mail);
    } catch (MailException ex) {
      log.warn("the notice mail to user {} failed ({}); it stays on the notifications page", recipient,
          ex.getClass().getSimpleName());
    }
  }
}
