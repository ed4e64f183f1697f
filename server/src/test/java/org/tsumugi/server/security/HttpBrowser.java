package org.tsumugi.server.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser over plain HTTP, without running any script: keeps its cookies, does not follow redirects,
 * fills in CSRF tokens. The specs that need real pages use Chromium through web/Browser.
 */
final class HttpBrowser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final HttpClient http;
  private final String base;
  private final CookieManager cookies = new CookieManager();

  HttpBrowser(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** Posts a form as the page would: with the CSRF token the page at pagePath carries. */
  HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
    HttpResponse<String> page = get(pagePath);
    Matcher token = CSRF.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + pagePath + " (" + page.statusCode() + "): " + page.body());
    }
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", token.group(1));
    return post(action, withToken);
  }

  /** Posts a form without looking at a page first: a forged request carries what it is given. */
  HttpResponse<String> post(String action, Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + action))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The CSRF token of this browser's session, as a page's script would send it in X-CSRF-TOKEN. */
  String csrf() {
    return csrf("/login");
  }

  String csrf(String page) {
    Matcher token = CSRF.matcher(get(page).body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + page);
    }
    return token.group(1);
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
  }

  String base() {
    return base;
  }

  static String location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElse("");
    return location.replaceFirst("^https?://[^/]+", "").replaceFirst(";jsessionid=[^?]*", "");
  }
}
