package org.tsumugi.server.processes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.tsumugi.server.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.engine.processing.Results.CreatedInstance;
import org.tsumugi.server.processes.ProcessRows.Incident;
import org.tsumugi.server.processes.ProcessRows.Instance;
import org.tsumugi.server.processes.ProcessRows.Version;
import org.tsumugi.server.documents.DocumentLink;
import org.tsumugi.server.documents.DocumentServing;
import org.tsumugi.server.documents.DocumentUploads;
import org.tsumugi.server.documents.EvidenceShots;
import org.tsumugi.server.web.EngineCommands;
import org.tsumugi.server.web.Json;
import org.tsumugi.server.web.PatientDataViews;

/** Processes, instances and incidents for process owners, and what they may do about them. */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true) // pages need the embedded engine
@Controller
@RequestMapping("/processes")
class ProcessController {
  private final ProcessQueries queries;
  private final EngineCommands engine;
  private final PatientDataViews views;
  private final MessageSource messages;
  private final DocumentServing documents;
  private final DocumentUploads uploads;
  private final ObjectMapper json;
  private final AuditLog audit;
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

  ProcessController(ProcessQueries queries, EngineCommands engine, PatientDataViews views, MessageSource messages,
      DocumentServing documents, DocumentUploads uploads, ObjectMapper json, AuditLog audit) {
    this.json = json;
    this.audit = audit;
    this.documents = documents;
    this.uploads = uploads;
    this.queries = queries;
    this.engine = engine;
    this.views = views;
    this.messages = messages;
  }

  @GetMapping
  String processes(Model model) {
    model.addAttribute("workflows", queries.workflows());
    model.addAttribute("incidents", queries.incidents(null, true));
    return "processes/list";
  }

  @GetMapping("/{processId}")
  String process(@PathVariable String processId, @RequestParam(required = false) Integer version, Model model) {
    List<Version> versions = queries.versions(processId);
    if (versions.isEmpty()) {
      throw new NotFound("no process " + processId);
    }
    Version shown = versions.stream().filter(v -> version == null || v.version() == version).findFirst()
        .orElse(versions.get(0));
    model.addAttribute("processId", processId);
    model.addAttribute("name", queries.name(processId).orElse(processId));
    model.addAttribute("versions", versions);
    model.addAttribute("shown", shown);
    return "processes/process";
  }

  /** The BPMN XML the diagram script draws; models carry no patient data. */
  @GetMapping(value = "/definitions/{key}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  String xml(@PathVariable long key) {
    return queries.xml(key).orElseThrow(() -> new NotFound("no process definition " + key));
  }

  @GetMapping("/instances")
  String instances(@RequestParam(required = false) String process, @RequestParam(required = false) String state,
      @RequestParam(required = false, defaultValue = "false") boolean incidents,
      @RequestParam(required = false, defaultValue = "0") int page, Model model) {
    int shown = Math.max(page, 0);
    List<Instance> found = queries.instances(process, state, incidents, shown);
    model.addAttribute("instances", found.stream().limit(ProcessQueries.INSTANCE_PAGE).toList());
    model.addAttribute("page", shown);
    model.addAttribute("hasNext", found.size() > ProcessQueries.INSTANCE_PAGE);
    model.addAttribute("workflows", queries.workflows());
    model.addAttribute("process", process);
    model.addAttribute("state", state);
    model.addAttribute("withIncidents", incidents);
    model.addAttribute("limit", ProcessQueries.INSTANCE_PAGE);
    return "processes/instances";
  }

  @GetMapping("/instances/{key}")
  String instance(@PathVariable long key, Model model) {
    Instance instance = queries.instance(key).orElseThrow(() -> new NotFound("no process instance " + key));
    views.viewed(PatientDataViews.INSTANCE, Long.toString(key));
    List<Incident> incidents = queries.incidents(key, false);
    model.addAttribute("instance", instance);
    model.addAttribute("name", queries.name(instance.processId()).orElse(instance.processId()));
    model.addAttribute("active", Json.write(queries.activeElements(key)));
    model.addAttribute("completed", Json.write(queries.completedElements(key)));
    model.addAttribute("incidentElements", Json.write(incidents.stream().filter(i -> "ACTIVE".equals(i.state()))
        .map(Incident::elementId).toList()));
    model.addAttribute("incidents", incidents);
    model.addAttribute("variables", queries.variables(key));
    Map<String, Object> values = values(key);
    model.addAttribute("documents", DocumentLink.in(values));
    model.addAttribute("screenshots", EvidenceShots.in(values));
    model.addAttribute("history", queries.history(key));
    return "processes/instance";
  }

  /** A document the instance's variables refer to, for its preview or download. */
  @GetMapping("/instances/{key}/documents/{id}")
  ResponseEntity<Resource> document(@PathVariable long key, @PathVariable String id) {
    return documents.document(values(key), id);
  }

  /** A screenshot a robot took in the instance (its evidence), by position. */
  @GetMapping("/instances/{key}/evidence/{index}")
  ResponseEntity<Resource> evidence(@PathVariable long key, @PathVariable int index) {
    return documents.screenshot(values(key), index);
  }

  /** A file attached in the start form, stored before the instance starts with its reference. */
  @PostMapping("/{processId}/documents")
  @ResponseBody
  ResponseEntity<Map<String, Object>> upload(@PathVariable String processId, @RequestParam("file") MultipartFile file,
      Locale locale) throws IOException {
    if (queries.versions(processId).isEmpty()) {
      throw new NotFound("no process " + processId);
    }
    return uploads.upload(file, locale);
  }

  /** Every variable of the instance, each scope's under its own name, to look for references in. */
  private Map<String, Object> values(long key) {
    queries.instance(key).orElseThrow(() -> new NotFound("no process instance " + key));
    Map<String, Object> values = new LinkedHashMap<>();
    queries.variables(key).forEach(v -> values.put(v.name() + "@" + v.scopeKey(), Json.read(v.value())));
    return values;
  }

  /** Gives the failed job its retries back (when the incident is a job's) and resolves the incident. */
  @PostMapping("/incidents/{key}/retry")
  String retry(@PathVariable long key, @RequestParam(defaultValue = "1") int retries, RedirectAttributes redirect,
      Locale locale) {
    Incident incident = queries.incident(key).orElseThrow(() -> new NotFound("no incident " + key));
    String back = "redirect:/processes/instances/" + incident.processInstanceKey();
    try {
      if (incident.jobKey() != null) {
        engine.run(new Command.UpdateJob(incident.jobKey(), Math.max(1, retries), null));
      }
      engine.run(new Command.ResolveIncident(key));
      redirect.addFlashAttribute("info", messages.getMessage("incident.retried", null, locale));
    } catch (Rejection rejection) {
      redirect.addFlashAttribute("error", messages.getMessage("action.refused", new Object[] {rejection.getMessage()},
          locale));
    }
    return back;
  }

  /**
   * Sets one variable on the instance, typically to correct what made a job fail before its retry. The
   * value must be JSON; the audit log records who changed which variable, never the value (patient data).
   */
  @PostMapping("/instances/{key}/variables")
  String setVariable(@PathVariable long key, @RequestParam String name, @RequestParam String value,
      Authentication authentication, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
    queries.instance(key).orElseThrow(() -> new NotFound("no process instance " + key));
    String back = "redirect:/processes/instances/" + key;
    if (!VARIABLE_NAME.matcher(name).matches()) {
      redirect.addFlashAttribute("error", messages.getMessage("variable.badName", new Object[] {name}, locale));
      return back;
    }
    Object parsed;
    try {
      parsed = json.readValue(value, Object.class);
    } catch (JsonProcessingException notJson) {
      redirect.addFlashAttribute("error", messages.getMessage("variable.notJson", new Object[] {name,
          notJson.getOriginalMessage()}, locale));
      return back;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(name, parsed);
    try {
      engine.run(new Command.SetVariables(key, variables, false));
      audit.record(authentication.getName(), "VARIABLE_SET", "process_instance:" + key + "/" + name, "SUCCESS",
          request.getRemoteAddr());
      redirect.addFlashAttribute("info", messages.getMessage("variable.set", new Object[] {name}, locale));
    } catch (Rejection rejection) {
      redirect.addFlashAttribute("error", messages.getMessage("action.refused", new Object[] {rejection.getMessage()},
          locale));
    }
    return back;
  }

  /** Cancelling cannot be undone, so the instance page's button leads here first (a page, no script). */
  @GetMapping("/instances/{key}/cancel")
  String confirmCancel(@PathVariable long key, Model model) {
    Instance instance = queries.instance(key).orElseThrow(() -> new NotFound("no process instance " + key));
    model.addAttribute("instance", instance);
    model.addAttribute("name", queries.name(instance.processId()).orElse(instance.processId()));
    return "processes/cancel";
  }

  @PostMapping("/instances/{key}/cancel")
  String cancel(@PathVariable long key, RedirectAttributes redirect, Locale locale) {
    try {
      engine.run(new Command.CancelInstance(key));
      redirect.addFlashAttribute("info", messages.getMessage("instance.canceled", null, locale));
    } catch (Rejection rejection) {
      redirect.addFlashAttribute("error", messages.getMessage("action.refused", new Object[] {rejection.getMessage()},
          locale));
    }
    return "redirect:/processes/instances/" + key;
  }

  @GetMapping("/{processId}/start")
  String startPage(@PathVariable String processId, Model model) {
    List<Version> versions = queries.versions(processId);
    if (versions.isEmpty()) {
      throw new NotFound("no process " + processId);
    }
    String xml = queries.xml(versions.get(0).key()).orElseThrow();
    model.addAttribute("processId", processId);
    model.addAttribute("name", queries.name(processId).orElse(processId));
    model.addAttribute("formSchema", StartForms.formId(xml, processId).flatMap(queries::formSchema).orElse(null));
    return "processes/start";
  }

  /** Called by the start page's script with the form's data or the typed JSON object. */
  @PostMapping("/{processId}/start")
  @ResponseBody
  ResponseEntity<Map<String, Object>> start(@PathVariable String processId,
      @RequestBody(required = false) Map<String, Object> variables, Locale locale) {
    Map<String, Object> answer = new LinkedHashMap<>();
    try {
      CreatedInstance created = (CreatedInstance) engine.run(new Command.CreateInstance(processId, -1, -1,
          variables == null ? Map.of() : variables, false, List.of()));
      answer.put("next", "/processes/instances/" + created.processInstanceKey());
      return ResponseEntity.ok(answer);
    } catch (Rejection rejection) {
      answer.put("message", messages.getMessage("action.refused", new Object[] {rejection.getMessage()}, locale));
      return ResponseEntity.status(rejection.status()).body(answer);
    }
  }

  @ResponseStatus(HttpStatus.NOT_FOUND)
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }
}
