package org.tsumugi.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tsumugi.referral.notice.Notices;
import org.tsumugi.referral.notice.Notifier;
import org.tsumugi.referral.notice.Notifier.Notice;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.audit.AuditQuery;
import org.tsumugi.server.security.Actor;
import org.tsumugi.server.security.Role;
import org.tsumugi.server.security.UserService;
import org.tsumugi.server.web.TestUsers;
import org.tsumugi.server.web.WebSpec;

/**
 * The requester of a referral letter is told in the server: a badge in every page's header, the list
 * of their own notices (the view audited, since it names the patient) and, where the hospital
 * configured mail, a mail without patient data.
 */
class NotificationsBrowserSpec extends WebSpec {
  static StandInSmtp smtp;

  @Autowired
  Notifier notifier;
  @Autowired
  AuditLog audit;
  @Autowired
  UserService users;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) throws IOException {
    smtp = new StandInSmtp();
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:notifications;DB_CLOSE_DELAY=-1");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", smtp::port);
    registry.add("tsumugi.notifications.mail.enabled", () -> "true");
    registry.add("tsumugi.notifications.mail.page-url", () -> "https://tsumugi.example/notifications");
  }

  @AfterAll
  static void stopSmtp() throws IOException {
    smtp.close();
  }

  @Test
  void theRequesterSeesTheirOwnNoticeWithABadgeAndTheViewIsAudited() {
    notifier.send(new Notice(101L, "doctor", "COMPLETED", Notices.message("COMPLETED"), "P0001"));
    notifier.send(new Notice(102L, "nurse", "REJECTED", Notices.message("REJECTED"), "P0002"));

    browser.login("doctor");
    browser.open("/dashboard");
    assertThat(browser.find("#unread-notifications").getText()).isEqualTo("1");
    browser.find("#nav-notifications").click();
    String list = browser.await("#notifications").getText();
    assertThat(list).contains("診療情報提供書が承認されました", "P0001", "101").doesNotContain("P0002", "却下");
    assertThat(audit.search(new AuditQuery("doctor", "VIEW", "notification:", null, null, 10)))
        .as("the page named a patient, so its view is in the audit log").isNotEmpty();

    browser.find("#mark-read").click();
    browser.await("#notifications");
    assertThat(browser.present("#unread-notifications")).isFalse();
    assertThat(browser.find("#notifications").getText()).contains("P0001");

    browser.login("nurse");
    browser.open("/notifications?lang=en");
    assertThat(browser.find("h1").getText()).isEqualTo("Notifications");
    assertThat(browser.find("#notifications").getText()).contains("P0002").doesNotContain("P0001");
  }

  @Test
  void aConfiguredMailCarriesTheNoticeWithoutPatientDataToTheAccountsAddress() throws Exception {
    users.create(Actor.system(), "dr-mail", "Dr Mail", "dr-mail@example.org", TestUsers.PASSWORD, Set.of(Role.DOCTOR),
        Set.of());
    int before = smtp.received.size();
    notifier.send(new Notice(103L, "dr-mail", "PATIENT_NOT_FOUND", Notices.message("PATIENT_NOT_FOUND"), "P0003"));

    assertThat(smtp.received).hasSize(before + 1);
    StandInSmtp.Received mail = smtp.received.get(before);
    assertThat(mail.recipients()).containsExactly("dr-mail@example.org");
    assertThat(mail.message().getSubject()).isEqualTo(NoticeMail.SUBJECT);
    String body = mail.message().getContent().toString();
    assertThat(body).contains("電子カルテに該当する患者がいない", "https://tsumugi.example/notifications")
        .doesNotContain("P0003", "103");

    notifier.send(new Notice(104L, "doctor", "COMPLETED", Notices.message("COMPLETED"), "P0004"));
    assertThat(smtp.received).as("an account without an address gets the page only").hasSize(before + 1);
  }

  @Test
  void aNoticeWithoutRecipientIsRefusedSoTheJobBecomesAnIncident() {
    assertThatThrownBy(() -> notifier.send(new Notice(105L, " ", "COMPLETED", Notices.message("COMPLETED"), "P0005")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestingDoctor");
  }
}
