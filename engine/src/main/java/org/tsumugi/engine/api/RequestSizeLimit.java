package org.tsumugi.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.ProblemDetail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests larger than the configured limit before anything reads them, so a huge
 * variables document cannot exhaust memory. Deployments have their own multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {
  private final long maxBytes;
  private final ObjectMapper json;

  RequestSizeLimit(@Value("${tsumugi.engine.max-request-bytes:4194304}") long maxBytes, ObjectMapper json) {
    this.maxBytes = maxBytes;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/v2/") || request.getRequestURI().startsWith("/v2/deployments");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > maxBytes || (length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))) {
      ProblemDetail problem = new ProblemDetail().type(URI.create("about:blank")).status(413)
          .title("PAYLOAD_TOO_LARGE").instance(URI.create(request.getRequestURI()))
          .detail(length > maxBytes ? "the request has " + length + " bytes; at most " + maxBytes + " are accepted"
              : "requests must state their length; chunked bodies are not accepted");
      response.setStatus(413);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(request, response);
  }
}
