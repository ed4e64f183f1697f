package org.tsumugi.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.ProblemDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for API clients as application/problem+json, the shape the Camunda client reads. */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  /** What the engine API (and its gRPC gateway) answers a caller without valid credentials. */
  static final String NEEDS_CREDENTIALS =
      "this API needs a Tsumugi user's credentials (HTTP Basic) of a robot, process owner or administrator";
  private final ObjectMapper json;
  private final boolean offerBasic;

  /** @param offerBasic ask for HTTP Basic (the engine API); not on browser APIs, where it pops up a dialog */
  SecurityProblems(ObjectMapper json, boolean offerBasic) {
    this.json = json;
    this.offerBasic = offerBasic;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (offerBasic) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Tsumugi\", charset=\"UTF-8\"");
    }
    write(request, response, 401, "UNAUTHENTICATED", offerBasic
        ? NEEDS_CREDENTIALS
        : "log in first");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, 403, "FORBIDDEN", "the user " + Actor.of(request).name()
        + " lacks the role for " + request.getMethod() + " " + request.getRequestURI());
  }

  void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem(status, title, detail, request));
  }

  /** A problem in the shape the engine's API answers with, for the server's own APIs too. */
  static ProblemDetail problem(int status, String title, String detail, HttpServletRequest request) {
    return new ProblemDetail().type(URI.create("about:blank")).status(status).title(title).detail(detail)
        .instance(URI.create(request.getRequestURI()));
  }
}
