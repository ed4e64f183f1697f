package org.tsumugi.ecosystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at the packaged server's pages, as a browser would be: login form, CSRF tokens, cookies. Used to
 * set up accounts the way an administrator does (the server runs without the second factor for this).
 */
final class ServerSession {
  private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http;

  private ServerSession(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  }

  static ServerSession login(String base, String username, String password) throws IOException, InterruptedException {
    ServerSession session = new ServerSession(base);
    String token = session.token("/login");
    HttpResponse<String> answer = session.form("/login", Map.of("username", username, "password", password,
        "_csrf", token));
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || location.contains("error")) {
      throw new AssertionError("login of " + username + " failed: " + answer.statusCode() + " " + location);
    }
    return session;
  }

  /** Creates a user through the administrators' API; answers the one-time password. */
  String createUser(String username, String role) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("username", username, "displayName", username,
        "roles", java.util.List.of(role), "groups", java.util.List.of()));
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/admin/api/users"))
        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token("/account"))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (answer.statusCode() != 201) {
      throw new AssertionError("creating " + username + " failed: " + answer.statusCode() + " " + answer.body());
    }
    JsonNode created = JSON.readTree(answer.body());
    return created.path("oneTimePassword").asText();
  }

  /** Replaces the one-time password, as the server asks at the first login. */
  void changePassword(String current, String replacement) throws IOException, InterruptedException {
    String token = token("/account/password");
    HttpResponse<String> answer = form("/account/password", Map.of("current", current, "password", replacement,
        "confirmation", replacement, "_csrf", token));
    if (answer.statusCode() != 302) {
      throw new AssertionError("changing the password failed: " + answer.statusCode());
    }
  }

  /** The token a page's forms carry; the JSON API takes it as a header as well. */
  private String token(String page) throws IOException, InterruptedException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + page)).GET());
    Matcher token = CSRF_INPUT.matcher(answer.body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + page + " (" + answer.statusCode() + ")");
    }
    return token.group(1);
  }

  private HttpResponse<String> form(String path, Map<String, String> fields) throws IOException, InterruptedException {
    String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
