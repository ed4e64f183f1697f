package org.tsumugi.ecosystem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server (server/target/tsumugi-server.jar) started the way bin/smoke-run starts it: a free
 * port, an H2 file under a throw-away folder, the first administrator's password from
 * TSUMUGI_ADMIN_PASSWORD, and nothing deployed at start so that the client under test deploys.
 */
final class PackagedServer implements AutoCloseable {

  static final String ADMIN = "admin";
  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
  private static final Pattern GRPC = Pattern.compile("Zeebe gRPC gateway listening on [^:]+:(\\d+)");
  private static final Duration START_LIMIT = Duration.ofMinutes(3);

  private final Process process;
  private final Path log;
  final String password;
  final int port;
  /** The port of the Zeebe gRPC gateway, which the server opens here on a free port. */
  final int grpcPort;

  private PackagedServer(Process process, Path log, String password, int port, int grpcPort) {
    this.process = process;
    this.log = log;
    this.password = password;
    this.port = port;
    this.grpcPort = grpcPort;
  }

  static PackagedServer start(Path home) throws IOException, InterruptedException {
    Path jar = NodeScript.REPOSITORY.resolve("server/target/tsumugi-server.jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " is missing: build the server first (./mvnw -pl engine,server install -DskipTests)");
    }
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String password = "eco-" + HexFormat.of().formatHex(random);
    Path log = home.resolve("server.log");
    ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-Dfile.encoding=UTF-8", "-jar",
        jar.toString(), "--server.port=0", "--tsumugi.deploy.folders=",
        "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db") + ";WRITE_DELAY=0",
        "--tsumugi.engine.grpc.enabled=true", "--tsumugi.engine.grpc.port=0",
        // the specs set up accounts through the login form, which would otherwise ask an authenticator code
        "--tsumugi.security.require-totp=false"))
        .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TSUMUGI_ADMIN_PASSWORD", password);
    Process process = builder.start();
    Instant deadline = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      Matcher started = STARTED.matcher(text);
      Matcher grpc = GRPC.matcher(text);
      if (started.find() && grpc.find()) {
        return new PackagedServer(process, log, password, Integer.parseInt(started.group(1)),
            Integer.parseInt(grpc.group(1)));
      }
      if (!process.isAlive()) {
        throw new AssertionError("the packaged server exited: " + tail(log));
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new AssertionError("the packaged server did not start within " + START_LIMIT + ": " + tail(log));
  }

  String restAddress() {
    return "http://127.0.0.1:" + port;
  }

  /** A GET on the server's API as the administrator, or anonymously when {@code basicAuth} is false. */
  HttpResponse<String> get(String path, boolean basicAuth) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(restAddress() + path)).GET(), basicAuth);
  }

  /** A POST of a JSON body on the server's API as the administrator. */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(restAddress() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), true);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, boolean basicAuth)
      throws IOException, InterruptedException {
    request.timeout(Duration.ofSeconds(30));
    if (basicAuth) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.substring(Math.max(0, text.length() - 4000));
  }
}
