package org.tsumugi.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Results.CreatedInstance;

/**
 * Answers the two requests every instance of a worker-driven process makes (create the instance, complete a
 * job) without Spring MVC's handler lookup, argument resolution and content negotiation, which cost more CPU
 * than the engine's own work for them. It runs after every other filter (security, audit, size limit) and
 * does exactly what the controllers do; any request it is not sure of (another content type or accepted
 * type, a body that does not parse, a create that awaits the result) goes on to the controllers unchanged, so
 * their checks and error answers stay the only ones.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DirectCommands extends OncePerRequestFilter {
  private static final Pattern COMPLETION = Pattern.compile("/v2/jobs/([^/]+)/completion");
  private static final String CREATION = "/v2/process-instances";

  private final CommandProcessor engine;
  private final ObjectReader creation;
  private final ObjectReader completion;
  private final ObjectWriter writer;

  DirectCommands(CommandProcessor engine, ObjectMapper json) {
    this.engine = engine;
    this.creation = json.readerFor(ProcessInstanceCreationInstruction.class);
    this.completion = json.readerFor(JobCompletionRequest.class);
    this.writer = json.writer();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"POST".equals(request.getMethod()) || !request.getContextPath().isEmpty()
        || !(path.equals(CREATION) || path.startsWith("/v2/jobs/") && path.endsWith("/completion"))
        || !json(request.getContentType()) || !acceptsJson(request.getHeader("Accept"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    Matcher job = COMPLETION.matcher(request.getRequestURI());
    try {
      if (job.matches()) {
        JobCompletionRequest completed = body.length == 0 ? null : completion.readValue(body);
        complete(job.group(1), completed, request, response);
        return;
      }
      ProcessInstanceCreationInstruction create = body.length == 0 ? null : creation.readValue(body);
      if (create != null && !Boolean.TRUE.equals(create.getAwaitCompletion())) {
        create(create, request, response);
        return;
      }
    } catch (JsonProcessingException unreadable) {
      // the controllers name what is wrong with the body
    }
    chain.doFilter(new ReadBodyRequest(request, body), response);
  }

  private void complete(String key, JobCompletionRequest request, HttpServletRequest http,
      HttpServletResponse response) throws IOException {
    try {
      JobController.noContent(engine.submit(JobController.completion(key, request)));
    } catch (RuntimeException failure) {
      problem(failure, http, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private void create(ProcessInstanceCreationInstruction request, HttpServletRequest http,
      HttpServletResponse response) throws IOException {
    byte[] body;
    try {
      Command.CreateInstance command = ProcessInstanceController.command(request);
      body = writer.writeValueAsBytes(ProcessInstanceController.result(
          (CreatedInstance) engine.submit(command).join(), null));
    } catch (RuntimeException failure) {
      problem(failure, http, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private void problem(RuntimeException failure, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var problem = ApiProblems.ofFailure(failure, request);
    byte[] body = writer.writeValueAsBytes(problem);
    response.setStatus(problem.getStatus());
    response.setContentType(ApiProblems.PROBLEM.toString());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
    } catch (RuntimeException invalid) {
      return false;
    }
  }

  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0);
    } catch (RuntimeException invalid) {
      return false;
    }
  }
}
