package org.tsumugi.monshin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One embedded engine on a real port for all intake tests (the subclasses share the Spring context),
 * with the repository's bpmn/ and forms/ deployed before each test and the engine clock on real time.
 */
@SpringBootTest(classes = IntakeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class IntakeEngineTest {

  @Autowired CamundaClient client;

  @DynamicPropertySource
  static void engineOnAFreePort(DynamicPropertyRegistry registry) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    registry.add("server.port", () -> port);
    registry.add("tsumugi.engine.clock-control", () -> "true");
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + port);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:intake" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1");
    Path data = Files.createTempDirectory("monshin-e2e");
    registry.add("tsumugi.document.data-dir", () -> data.resolve("documents").toString());
    registry.add("tsumugi.monshin.form", () -> "../../forms/monshin-questionnaire.form");
  }

  @BeforeEach
  void deployTheRepositoryFiles() {
    client.newResetClockCommand().send().join();
    // As the server does at start-up: forms, then decisions, then processes, each file on its own so that
    // another team's draft cannot block this workflow; the intake's own files must all go live.
    for (String ext : List.of(".form", ".dmn", ".bpmn")) {
      for (Path file : repositoryFiles(ext)) {
        try {
          client.newDeployResourceCommand().addResourceFile(file.toString()).send().join();
        } catch (RuntimeException e) {
          assertThat(file.getFileName().toString()).as("%s deploys: %s", file, e.getMessage()).doesNotStartWith("monshin");
        }
      }
    }
  }

  @AfterEach
  void realTime() {
    client.newResetClockCommand().send().join();
  }

  private static List<Path> repositoryFiles(String ext) {
    List<Path> files = new java.util.ArrayList<>();
    for (String dir : List.of("../../bpmn", "../../forms")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(ext)).sorted(Comparator.naturalOrder()).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
