package org.tsumugi.ecosystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the module's Node scripts (src/main/node) with the npm packages that {@code npm ci}
 * installed in the module, and reads the JSON it prints. The checks themselves are Camunda's own npm
 * tools; Java only decides and names what failed, so that Maven's test report shows it.
 */
final class NodeScript {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path REPOSITORY = MODULE.getParent();
  private static final ObjectMapper JSON = new ObjectMapper();

  private NodeScript() {}

  static JsonNode run(String script, List<Path> arguments) {
    return run(script, arguments, Map.of(), Duration.ofMinutes(2));
  }

  static JsonNode run(String script, List<Path> arguments, Map<String, String> environment, Duration limit) {
    List<String> command = new ArrayList<>(List.of("node", MODULE.resolve("src/main/node").resolve(script).toString()));
    arguments.forEach(a -> command.add(a.toString()));
    try {
      Path out = Files.createTempFile("node-out", ".json");
      Path err = Files.createTempFile("node-err", ".txt");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(MODULE.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(script + " did not finish within " + limit + ": " + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new AssertionError(script + " exited " + process.exitValue() + ": "
              + Files.readString(err, StandardCharsets.UTF_8) + stdout);
        }
        return JSON.readTree(stdout);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run node " + script + " (is Node.js 20+ installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The files in one folder of the repository with the given extension, sorted, at least one. */
  static List<Path> filesIn(String folder, String extension) throws IOException {
    try (var files = Files.list(REPOSITORY.resolve(folder))) {
      List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
      if (found.isEmpty()) {
        throw new AssertionError("no *" + extension + " file in " + folder + "/");
      }
      return found;
    }
  }
}
