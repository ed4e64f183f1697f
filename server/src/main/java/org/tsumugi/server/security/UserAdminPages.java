package org.tsumugi.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage users: create, roles and groups, deactivate, unlock, reset password or app. */
@Controller
class UserAdminPages {
  private final UserService service;
  private final UserRepository users;
  private final MessageSource messages;

  UserAdminPages(UserService service, UserRepository users, MessageSource messages) {
    this.service = service;
    this.users = users;
    this.messages = messages;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("users", users.all());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }

  @PostMapping("/admin/users")
  String create(@RequestParam String username, @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String email, @RequestParam(required = false) List<String> roles,
      @RequestParam(required = false) String groups, HttpServletRequest request, Model model,
      RedirectAttributes redirect) {
    String password = UserService.oneTimePassword();
    try {
      service.create(Actor.of(request), username, displayName, email, password, roles(roles), groups(groups));
    } catch (UserChangeException e) {
      model.addAttribute("problem", e.localized(messages, request));
      return list(model);
    }
    redirect.addFlashAttribute("oneTimePassword", password);
    return "redirect:/admin/users/" + username;
  }

  @GetMapping("/admin/users/{username}")
  String user(@PathVariable String username, Model model) {
    UserAccount user = users.find(username).orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username));
    model.addAttribute("user", user);
    model.addAttribute("roles", Role.values());
    model.addAttribute("groups", String.join(", ", user.groups()));
    return "admin/user";
  }

  @PostMapping("/admin/users/{username}")
  String change(@PathVariable String username, @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String email, @RequestParam(required = false) List<String> roles,
      @RequestParam(required = false) String groups, HttpServletRequest request, RedirectAttributes redirect) {
    return act(username, request, redirect, () -> service.assign(Actor.of(request), username, roles(roles),
        groups(groups), displayName, email));
  }

  @PostMapping("/admin/users/{username}/deactivate")
  String deactivate(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
    return act(username, request, redirect, () -> service.setActive(Actor.of(request), username, false));
  }

  @PostMapping("/admin/users/{username}/activate")
  String activate(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
    return act(username, request, redirect, () -> service.setActive(Actor.of(request), username, true));
  }

  @PostMapping("/admin/users/{username}/unlock")
  String unlock(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
    return act(username, request, redirect, () -> service.unlock(Actor.of(request), username));
  }

  @PostMapping("/admin/users/{username}/reset-totp")
  String resetTotp(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
    return act(username, request, redirect, () -> service.resetTotp(Actor.of(request), username));
  }

  @PostMapping("/admin/users/{username}/reset-password")
  String resetPassword(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
    return act(username, request, redirect,
        () -> redirect.addFlashAttribute("oneTimePassword", service.resetPassword(Actor.of(request), username)));
  }

  /** Makes the change and shows the user's page again, with what was done or refused. */
  private String act(String username, HttpServletRequest request, RedirectAttributes redirect, Runnable change) {
    if (users.find(username).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username);
    }
    try {
      change.run();
      redirect.addFlashAttribute("done", true);
    } catch (UserChangeException e) {
      redirect.addFlashAttribute("problem", e.localized(messages, request));
    }
    return "redirect:/admin/users/" + username;
  }

  static Set<Role> roles(List<String> names) {
    if (names == null) {
      return Set.of();
    }
    try {
      return names.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    } catch (IllegalArgumentException e) {
      throw new UserChangeException("roles", "unknownRole", new Object[] {Arrays.toString(Role.values())},
          "roles are one of " + Arrays.toString(Role.values()));
    }
  }

  static Set<String> groups(String text) {
    return text == null ? Set.of() : Arrays.stream(text.split("[,\\s]+")).map(String::trim)
        .filter(group -> !group.isEmpty()).collect(Collectors.toSet());
  }
}
