package org.tsumugi.server.notification;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The page header's count of unread notices. */
@ControllerAdvice(basePackages = "org.tsumugi.server")
class UnreadBadge {
  private final Notifications notifications;

  UnreadBadge(Notifications notifications) {
    this.notifications = notifications;
  }

  @ModelAttribute("unreadNotifications")
  int unread(Authentication authentication) {
    return authentication == null ? 0 : notifications.unread(authentication.getName());
  }
}
