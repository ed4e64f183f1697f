package org.tsumugi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Walks every page route of the server (read from Spring's mappings, so a new page is walked too) and
 * proves each refuses an anonymous visitor and every signed-in person whose role is not allowed by
 * {@link PageRoutes}, while a person with an allowed role gets through.
 */
class RouteWalkSpec extends WebSpec {
  private static final Map<String, String> USER_OF_ROLE = new LinkedHashMap<>();

  static {
    USER_OF_ROLE.put(CurrentUser.CLERK, "clerk");
    USER_OF_ROLE.put(CurrentUser.NURSE, "nurse");
    USER_OF_ROLE.put(CurrentUser.DOCTOR, "doctor");
    USER_OF_ROLE.put(CurrentUser.PROCESS_OWNER, "owner");
    USER_OF_ROLE.put(CurrentUser.ADMIN, "admin");
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Route(String method, String pattern, String path, List<String> roles) {}

  @Test
  void everyPageRouteRefusesAnonymousVisitorsAndWrongRoles() {
    List<Route> routes = routes();
    assertThat(routes).extracting(Route::pattern).contains("/inbox", "/inbox/tasks/{key}/complete",
        "/processes/incidents/{key}/retry", "/dashboard/{processId}/csv", "/", "/monshin-links",
        "/monshin-links/{id}/revoke");

    browser.open("/login");
    for (Route route : routes) {
      assertThat(status(route, "follow")).as("anonymous %s %s", route.method(), route.path()).isIn(0, 401, 403);
    }
    for (Map.Entry<String, String> role : USER_OF_ROLE.entrySet()) {
      browser.login(role.getValue());
      browser.open("/login");
      for (Route route : routes) {
        int status = status(route, "manual");
        if (route.roles().contains(role.getKey())) {
          assertThat(status).as("%s may %s %s", role.getValue(), route.method(), route.path()).isNotIn(401, 403);
        } else {
          assertThat(status).as("%s refused %s %s", role.getValue(), route.method(), route.path()).isEqualTo(403);
        }
      }
    }
  }

  /**
   * The status a same-origin request gets with the session's CSRF token. Following redirects, 0 means
   * it ended on the login page; not following them, 0 is any redirect.
   */
  private int status(Route route, String redirect) {
    Object status = browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const token = document.querySelector('input[name=_csrf]').value;
        fetch(arguments[0], {method: arguments[1], redirect: arguments[2], credentials: 'same-origin',
            headers: {'X-CSRF-TOKEN': token, 'Content-Type': 'application/json'},
            body: arguments[1] === 'GET' ? undefined : '{}'})
          .then(r => done(r.type === 'opaqueredirect' || new URL(r.url).pathname === '/login' ? 0 : r.status)).catch(e => done(-1));
        """, route.path(), route.method(), redirect);
    return ((Number) status).intValue();
  }

  private List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      // the pages' own routes; login, account, admin and the engine API are walked by security's RouteWalkSpec
      String owner = handler.getBeanType().getPackageName();
      if (!owner.startsWith("org.tsumugi.server") || owner.startsWith("org.tsumugi.server.security")
          || owner.startsWith("org.tsumugi.server.audit")) {
        return;
      }
      var methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        if (pattern.startsWith("/monshin/")) {
          continue; // the patients' pages, open without a login: security/RouteWalkSpec holds them to an exact list
        }
        String path = pattern.replaceAll("\\{[^}]+}", "1");
        for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
          routes.add(new Route(method.name(), pattern, path, allowed(HttpMethod.valueOf(method.name()), path)));
        }
      }
    });
    return routes;
  }

  /** The roles of the first rule that matches, as the security configuration applies them. */
  private static List<String> allowed(HttpMethod method, String path) {
    PathPatternParser parser = new PathPatternParser();
    for (PageRoutes.Rule rule : PageRoutes.RULES) {
      if ((rule.method() == null || rule.method().equals(method))
          && parser.parse(rule.pattern()).matches(org.springframework.http.server.PathContainer.parsePath(path))) {
        return rule.roles();
      }
    }
    throw new AssertionError("no role rule in PageRoutes for " + method + " " + path);
  }
}
