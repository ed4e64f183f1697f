package org.tsumugi.server.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tsumugi.server.documents.DocumentLink;
import org.tsumugi.server.documents.DocumentServing;
import org.tsumugi.server.documents.DocumentUploads;
import org.tsumugi.server.documents.EvidenceShots;
import org.tsumugi.server.web.CurrentUser;
import org.tsumugi.server.web.Json;
import org.tsumugi.server.web.PatientDataViews;
import org.tsumugi.server.inbox.TaskInbox.TaskRefused;

/** The inbox list, claim and release, and the task page with its form, on the embedded engine or a cluster. */
@Controller
@RequestMapping("/inbox")
class InboxController {
  private final TaskInbox inbox;
  private final PatientDataViews views;
  private final MessageSource messages;
  private final DocumentServing documents;
  private final DocumentUploads uploads;

  InboxController(TaskInbox inbox, PatientDataViews views, MessageSource messages, DocumentServing documents,
      DocumentUploads uploads) {
    this.documents = documents;
    this.uploads = uploads;
    this.inbox = inbox;
    this.views = views;
    this.messages = messages;
  }

  @GetMapping
  String inbox(Authentication authentication, @RequestParam(required = false) String process,
      @RequestParam(required = false) String due, @RequestParam(required = false) Integer priority, Model model) {
    CurrentUser user = CurrentUser.of(authentication);
    long now = inbox.now();
    List<InboxTask> tasks = inbox.open(user, new InboxFilter(process, due, priority), now);
    model.addAttribute("tasks", tasks);
    model.addAttribute("now", now);
    model.addAttribute("processes", inbox.processes());
    model.addAttribute("filter", new InboxFilter(process, due, priority));
    return "inbox/list";
  }

  @PostMapping("/tasks/{key}/claim")
  String claim(@PathVariable long key, Authentication authentication, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUser.of(authentication);
    return act(() -> inbox.claim(key, user), "/inbox/tasks/" + key, redirect, locale);
  }

  @PostMapping("/tasks/{key}/unclaim")
  String unclaim(@PathVariable long key, Authentication authentication, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUser.of(authentication);
    return act(() -> inbox.unclaim(key, user), "/inbox", redirect, locale);
  }

  @GetMapping("/tasks/{key}")
  String task(@PathVariable long key, Authentication authentication, Model model) {
    CurrentUser user = CurrentUser.of(authentication);
    InboxTask task = visible(key, user);
    views.viewed(PatientDataViews.TASK, Long.toString(key));
    Map<String, Object> variables = inbox.variables(key);
    model.addAttribute("task", task);
    model.addAttribute("now", inbox.now());
    model.addAttribute("mine", task.assignedTo(user.id()));
    model.addAttribute("variables", variables);
    model.addAttribute("variablesJson", Json.write(variables));
    model.addAttribute("documents", DocumentLink.in(variables));
    model.addAttribute("screenshots", EvidenceShots.in(variables));
    model.addAttribute("formSchema", inbox.formSchema(task).orElse(null));
    return "inbox/task";
  }

  /** A document the task refers to, for its preview or download. */
  @GetMapping("/tasks/{key}/documents/{id}")
  ResponseEntity<Resource> document(@PathVariable long key, @PathVariable String id, Authentication authentication) {
    visible(key, CurrentUser.of(authentication));
    return documents.document(inbox.variables(key), id);
  }

  /** A screenshot a robot took for the task's process (its evidence), by position. */
  @GetMapping("/tasks/{key}/evidence/{index}")
  ResponseEntity<Resource> evidence(@PathVariable long key, @PathVariable int index, Authentication authentication) {
    visible(key, CurrentUser.of(authentication));
    return documents.screenshot(inbox.variables(key), index);
  }

  /** A file attached in the task's form, stored before the form is completed with its reference. */
  @PostMapping("/tasks/{key}/documents")
  @ResponseBody
  ResponseEntity<Map<String, Object>> upload(@PathVariable long key, @RequestParam("file") MultipartFile file,
      Authentication authentication, Locale locale) throws IOException {
    visible(key, CurrentUser.of(authentication));
    return uploads.upload(file, locale);
  }

  private InboxTask visible(long key, CurrentUser user) {
    InboxTask task = inbox.task(key).orElseThrow(() -> new TaskNotFound(key));
    if (!task.visibleTo(user.id(), user.groups())) {
      throw new NotYourTask(key);
    }
    return task;
  }

  /** Called by the task page's script with the form's data; answers where to go next, or why not. */
  @PostMapping("/tasks/{key}/complete")
  @ResponseBody
  ResponseEntity<Map<String, Object>> complete(@PathVariable long key, Authentication authentication,
      @RequestBody(required = false) Map<String, Object> submitted, Locale locale) {
    CurrentUser user = CurrentUser.of(authentication);
    Map<String, Object> answer = new LinkedHashMap<>();
    try {
      inbox.complete(key, submitted == null ? Map.of() : submitted, user);
    } catch (TaskRefused rejection) {
      answer.put("message", refusal(key, rejection, locale));
      return ResponseEntity.status(rejection.status() == 404 ? HttpStatus.CONFLICT : HttpStatus.valueOf(
          rejection.status())).body(answer);
    }
    answer.put("next", "/inbox?completed=" + key);
    return ResponseEntity.ok(answer);
  }

  private String act(Runnable action, String next, RedirectAttributes redirect, Locale locale) {
    try {
      action.run();
      return "redirect:" + next;
    } catch (TaskRefused rejection) {
      redirect.addFlashAttribute("error", refusal(0, rejection, locale));
      return "redirect:/inbox";
    }
  }

  /** Says in the clerk's language why the engine refused, without the engine's technical wording. */
  private String refusal(long key, TaskRefused rejection, Locale locale) {
    String code = switch (rejection.status()) {
      case 404 -> inbox.task(key).map(t -> "inbox.refused.done").orElse("inbox.refused.gone");
      case 403 -> "inbox.refused.notYours";
      case 409 -> "inbox.refused.taken";
      default -> "inbox.refused.other";
    };
    return messages.getMessage(code, new Object[] {rejection.getMessage()}, locale);
  }

  @ResponseStatus(HttpStatus.FORBIDDEN)
  static final class NotYourTask extends RuntimeException {
    NotYourTask(long key) {
      super("user task " + key + " is neither assigned nor offered to this user");
    }
  }

  @ResponseStatus(HttpStatus.NOT_FOUND)
  static final class TaskNotFound extends RuntimeException {
    TaskNotFound(long key) {
      super("no user task " + key);
    }
  }
}
