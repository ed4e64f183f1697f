package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route the server maps and proves that each refuses an anonymous user and a user of the
 * wrong role; only the login page, the error page and the patients' 問診 pages are open.
 */
class RouteWalkSpec extends SecuredServerTest {
  private static final Set<String> OPEN = Set.of("GET /login", "GET /error", "POST /error", "PUT /error",
      "DELETE /error", "PATCH /error", "HEAD /error", "OPTIONS /error",
      // the patients' 問診 pages: a link's token instead of a login (org.tsumugi.server.monshin)
      "GET /monshin/{token}", "POST /monshin/{token}", "GET /monshin/received", "GET /monshin/csrf");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Route(String method, String pattern) {
    String path() {
      return pattern.replaceAll("\\{[^}]+}", "1");
    }

    boolean api() {
      return pattern.startsWith("/v2/") || pattern.startsWith("/admin/api/");
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    mappings.getHandlerMethods().keySet().forEach(info -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
          routes.add(new Route(method.name(), pattern));
        }
      }
    });
    return routes;
  }

  @Test
  void theRoutesIncludeTheEngineApiTheAdminPagesAndTheLogin() {
    Set<String> patterns = new TreeSet<>();
    routes().forEach(route -> patterns.add(route.toString()));
    assertThat(patterns).contains("POST /v2/deployments", "POST /v2/{resource}/search", "GET /v2/topology",
        "GET /admin/users", "GET /admin/api/audit", "GET /", "POST /login/totp", "GET /login");
  }

  @Test
  void theOnlyRoutesUnderThePatientsPrefixAreThePatientPages() {
    Set<String> patient = new TreeSet<>();
    routes().stream().filter(route -> route.pattern().startsWith("/monshin/")).forEach(r -> patient.add(r.toString()));
    assertThat(patient).containsExactlyInAnyOrder("GET /monshin/{token}", "POST /monshin/{token}",
        "GET /monshin/received", "GET /monshin/csrf");
  }

  @Test
  void everyRouteButTheLoginRefusesAnAnonymousUser() {
    SoftAssertions softly = new SoftAssertions();
    HttpBrowser anonymous = new HttpBrowser(port);
    String token = anonymous.csrf();
    for (Route route : routes()) {
      if (OPEN.contains(route.toString())) {
        continue;
      }
      HttpResponse<String> response = anonymous.send(request(route, null, token));
      if (route.api()) {
        softly.assertThat(response.statusCode()).as(route + " answers 401").isEqualTo(401);
        softly.assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .as(route + " as problem+json").startsWith("application/problem+json");
      } else {
        softly.assertThat(response.statusCode()).as(route + " redirects").isEqualTo(302);
        softly.assertThat(HttpBrowser.location(response)).as(route + " to the login").isEqualTo("/login");
      }
    }
    softly.assertAll();
  }

  @Test
  void everyRouteRefusesAUserOfTheWrongRoleOrWithoutTheSecondFactor() {
    String clerk = person(Role.CLERK);
    String robot = robot();
    HttpBrowser clerkBrowser = loggedIn(clerk);
    HttpBrowser passwordOnly = new HttpBrowser(port);
    assertThat(HttpBrowser.location(passwordOnly.submit("/login", "/login",
        java.util.Map.of("username", person(Role.NURSE), "password", PASSWORD)))).isEqualTo("/login/totp");
    String clerkToken = clerkBrowser.csrf();
    String pendingToken = passwordOnly.csrf("/login/totp");
    SoftAssertions softly = new SoftAssertions();
    for (Route route : routes()) {
      if (OPEN.contains(route.toString()) || route.pattern().startsWith("/login")) {
        continue;
      }
      if (route.pattern().startsWith("/v2/")) {
        // a person without an API role; a robot for what only process owners may do
        boolean ownersOnly = route.toString().equals("POST /v2/deployments");
        softly.assertThat(clerkBrowser.send(request(route, ownersOnly ? robot : clerk, null)).statusCode())
            .as(route + " refused").isEqualTo(403);
      } else if (route.pattern().startsWith("/admin/")) {
        softly.assertThat(clerkBrowser.send(request(route, null, clerkToken)).statusCode())
            .as(route + " refused").isEqualTo(403);
      }
      if (!route.pattern().startsWith("/v2/")) {
        HttpResponse<String> pending = passwordOnly.send(request(route, null, pendingToken));
        softly.assertThat(HttpBrowser.location(pending)).as(route + " waits for the second factor")
            .isEqualTo("/login/totp");
      }
    }
    softly.assertAll();
  }

  @Test
  void aRobotsPasswordOpensNoBrowserSession() {
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(HttpBrowser.location(browser.submit("/login", "/login",
        java.util.Map.of("username", robot(), "password", PASSWORD)))).isEqualTo("/login?error");
    assertThat(HttpBrowser.location(browser.get("/"))).isEqualTo("/login");
  }

  /** With a valid CSRF token, so that what refuses the request is the role check, not the token check. */
  private HttpRequest request(Route route, String basicUser, String csrf) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.path()))
        .method(route.method(), route.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    if (csrf != null) {
      builder.header("X-CSRF-TOKEN", csrf);
    }
    if (basicUser != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((basicUser + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return builder.build();
  }
}
