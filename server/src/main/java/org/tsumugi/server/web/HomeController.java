package org.tsumugi.server.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each person to the page of their work. */
@Controller
class HomeController {
  private final boolean enginePages;

  HomeController(@org.springframework.beans.factory.annotation.Value("${tsumugi.mode:embedded}") String mode) {
    this.enginePages = !"remote".equals(mode);
  }

  @GetMapping("/")
  String home(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (user.has(CurrentUser.CLERK) || user.has(CurrentUser.NURSE) || user.has(CurrentUser.DOCTOR)) {
      return "redirect:/inbox";
    }
    if (!enginePages) { // remote mode: Operate shows processes and instances; here the notifications are left
      return "redirect:/notifications";
    }
    if (user.has(CurrentUser.PROCESS_OWNER) || user.has(CurrentUser.ADMIN)) {
      return "redirect:/processes";
    }
    return "redirect:/dashboard";
  }
}
