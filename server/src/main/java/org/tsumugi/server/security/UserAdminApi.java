package org.tsumugi.server.security;

import io.camunda.client.protocol.rest.ProblemDetail;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user administration as JSON, for an administrator's session (send the CSRF token in
 * X-CSRF-TOKEN): the same changes as the pages, audited alike. Secrets never leave: a one-time
 * password is returned once, when it is made.
 */
@RestController
class UserAdminApi {
  private final UserService service;
  private final UserRepository users;

  UserAdminApi(UserService service, UserRepository users) {
    this.service = service;
    this.users = users;
  }

  /** What an administrator sends to create or change a user. */
  record UserRequest(String username, String displayName, String email, List<String> roles, List<String> groups) {
  }

  @GetMapping("/admin/api/users")
  List<Map<String, Object>> list() {
    return users.all().stream().map(UserAdminApi::json).toList();
  }

  @GetMapping("/admin/api/users/{username}")
  Map<String, Object> get(@PathVariable String username) {
    return json(existing(username));
  }

  @PostMapping("/admin/api/users")
  ResponseEntity<Map<String, Object>> create(@RequestBody UserRequest body, HttpServletRequest request) {
    String password = UserService.oneTimePassword();
    UserAccount user = service.create(Actor.of(request), body.username(), body.displayName(), body.email(), password,
        UserAdminPages.roles(body.roles()), groups(body.groups()));
    Map<String, Object> answer = new LinkedHashMap<>(json(user));
    answer.put("oneTimePassword", password);
    return ResponseEntity.created(URI.create("/admin/api/users/" + user.username())).body(answer);
  }

  @PutMapping("/admin/api/users/{username}")
  Map<String, Object> change(@PathVariable String username, @RequestBody UserRequest body,
      HttpServletRequest request) {
    existing(username);
    service.assign(Actor.of(request), username, UserAdminPages.roles(body.roles()), groups(body.groups()),
        body.displayName(), body.email());
    return json(existing(username));
  }

  @PostMapping("/admin/api/users/{username}/deactivate")
  ResponseEntity<Void> deactivate(@PathVariable String username, HttpServletRequest request) {
    existing(username);
    service.setActive(Actor.of(request), username, false);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/admin/api/users/{username}/activate")
  ResponseEntity<Void> activate(@PathVariable String username, HttpServletRequest request) {
    existing(username);
    service.setActive(Actor.of(request), username, true);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/admin/api/users/{username}/unlock")
  ResponseEntity<Void> unlock(@PathVariable String username, HttpServletRequest request) {
    existing(username);
    service.unlock(Actor.of(request), username);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/admin/api/users/{username}/reset-totp")
  ResponseEntity<Void> resetTotp(@PathVariable String username, HttpServletRequest request) {
    existing(username);
    service.resetTotp(Actor.of(request), username);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/admin/api/users/{username}/reset-password")
  Map<String, Object> resetPassword(@PathVariable String username, HttpServletRequest request) {
    existing(username);
    return Map.of("username", username, "oneTimePassword", service.resetPassword(Actor.of(request), username));
  }

  @ExceptionHandler(UserChangeException.class)
  ResponseEntity<ProblemDetail> refused(UserChangeException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", e.field() + ": " + e.getMessage(), request);
  }

  @ExceptionHandler(NoSuchUser.class)
  ResponseEntity<ProblemDetail> missing(NoSuchUser e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage(), request);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
      HttpServletRequest request) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(SecurityProblems.problem(status.value(), title, detail, request));
  }

  private UserAccount existing(String username) {
    return users.find(username).orElseThrow(() -> new NoSuchUser(username));
  }

  private static java.util.Set<String> groups(List<String> groups) {
    return groups == null ? java.util.Set.of() : UserAdminPages.groups(String.join(",", groups));
  }

  static Map<String, Object> json(UserAccount user) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("username", user.username());
    json.put("displayName", user.displayName());
    json.put("email", user.email());
    json.put("active", user.active());
    json.put("roles", user.roles());
    json.put("groups", user.groups());
    json.put("totpEnrolled", user.totpEnrolled());
    json.put("locked", user.lockedAt(Instant.now()));
    json.put("mustChangePassword", user.mustChangePassword());
    return json;
  }

  /** An administrator named a user who does not exist. */
  static final class NoSuchUser extends RuntimeException {
    NoSuchUser(String username) {
      super("no user " + username);
    }
  }
}
