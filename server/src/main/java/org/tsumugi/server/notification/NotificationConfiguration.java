package org.tsumugi.server.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.tsumugi.referral.notice.Notifier;
import org.tsumugi.server.schema.ServerSchema;
import org.tsumugi.server.security.UserRepository;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  @Bean
  Notifications notifications(JdbcTemplate jdbc, ServerSchema schema) {
    return new Notifications(jdbc, schema);
  }

  /** Mail only when tsumugi.notifications.mail.enabled and spring.mail.host are both set. */
  @Bean
  NoticeMail noticeMail(Environment env, ObjectProvider<JavaMailSender> sender, UserRepository users) {
    boolean enabled = env.getProperty("tsumugi.notifications.mail.enabled", Boolean.class, false);
    return new NoticeMail(enabled ? sender.getIfAvailable() : null, users,
        env.getProperty("tsumugi.notifications.mail.from", "tsumugi@localhost"),
        env.getProperty("tsumugi.notifications.mail.page-url", ""));
  }

  /** Replaces the referral module's log-only default. */
  @Bean
  Notifier serverNotifier(Notifications notifications, NoticeMail mail) {
    return new ServerNotifier(notifications, mail);
  }
}
