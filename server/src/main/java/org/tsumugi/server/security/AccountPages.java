package org.tsumugi.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page and the user's own account: changing the password. */
@Controller
class AccountPages {
  private final UserService service;
  private final SecuritySettings settings;
  private final MessageSource messages;

  AccountPages(UserService service, SecuritySettings settings, MessageSource messages) {
    this.service = service;
    this.settings = settings;
    this.messages = messages;
  }

  @GetMapping("/account")
  String home(HttpServletRequest request, Model model) {
    model.addAttribute("user", service.find(Actor.of(request).name()).orElseThrow());
    return "home";
  }

  @GetMapping("/account/password")
  String password(HttpServletRequest request, Model model) {
    model.addAttribute("user", service.find(Actor.of(request).name()).orElseThrow());
    model.addAttribute("minLength", settings.passwordMinLength());
    return "password";
  }

  @PostMapping("/account/password")
  String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model) {
    try {
      if (!password.equals(confirmation)) {
        throw new UserChangeException("confirmation", "confirmation", new Object[0], "the two new passwords differ");
      }
      service.changeOwnPassword(Actor.of(request), current, password);
      return "redirect:/?passwordChanged";
    } catch (UserChangeException e) {
      model.addAttribute("problem", e.localized(messages, request));
      model.addAttribute("problemField", e.field());
      return password(request, model);
    }
  }
}
