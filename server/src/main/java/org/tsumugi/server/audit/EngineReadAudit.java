package org.tsumugi.server.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every read of the engine API that returns patient data: a get by key or a search of
 * instances, variables, jobs, user tasks, incidents and documents. Records the path only: a search's
 * filter may itself hold patient data (a variable's value), so the body is never written down.
 * Job activation is a robot taking work, not a person viewing it, and is not recorded.
 */
class EngineReadAudit extends OncePerRequestFilter {
  static final Set<String> PATIENT_DATA = Set.of("process-instances", "element-instances", "variables", "jobs",
      "user-tasks", "incidents", "documents");
  private static final Pattern SEARCH = Pattern.compile("/v2/([a-z-]+)(/.+)?/search");
  private static final Pattern GET = Pattern.compile("/v2/([a-z-]+)/[^/]+(/.*)?");
  private final AuditLog audit;

  EngineReadAudit(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String action = action(request.getMethod(), path);
    Principal user = request.getUserPrincipal();
    // a refused request never reached the data; the security filters answered it
    if (action == null || user == null) {
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      audit.record(user.getName(), action, path, Integer.toString(response.getStatus()), request.getRemoteAddr());
    }
  }

  static String action(String method, String path) {
    Matcher search = SEARCH.matcher(path);
    if ("POST".equals(method) && search.matches() && PATIENT_DATA.contains(search.group(1))) {
      return "SEARCH";
    }
    Matcher get = GET.matcher(path);
    if ("GET".equals(method) && get.matches() && PATIENT_DATA.contains(get.group(1))) {
      return "VIEW";
    }
    return null;
  }
}
