package org.tsumugi.server.notification;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tsumugi.server.web.PatientDataViews;

/** The signed-in person's notices, newest first; opening the page does not mark them read, the button does. */
@Controller
@RequestMapping("/notifications")
class NotificationController {
  static final int SHOWN = 100;
  static final String VIEW_KIND = "NOTIFICATION";
  private final Notifications notifications;
  private final PatientDataViews views;

  NotificationController(Notifications notifications, PatientDataViews views) {
    this.notifications = notifications;
    this.views = views;
  }

  @GetMapping
  String list(Authentication authentication, Model model) {
    List<Notification> shown = notifications.of(authentication.getName(), SHOWN);
    String withPatients = shown.stream().filter(n -> n.patientId() != null).map(n -> Long.toString(n.id()))
        .collect(Collectors.joining(","));
    if (!withPatients.isEmpty()) {
      views.viewed(VIEW_KIND, withPatients);
    }
    model.addAttribute("notifications", shown);
    return "notifications/list";
  }

  @PostMapping("/read")
  String markRead(Authentication authentication) {
    notifications.markRead(authentication.getName());
    return "redirect:/notifications";
  }
}
