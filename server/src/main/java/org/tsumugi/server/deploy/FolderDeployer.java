package org.tsumugi.server.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, deploys every form, decision and process file under the configured folders, each on
 * its own: forms first, then decisions, then processes, so that a process finds what it links to. Unchanged
 * files keep their version, so restarting deploys nothing new. A file the engine cannot run is
 * reported with the problem and the element it names, and the other files still go live: one draft
 * model must not keep a clinic's other workflows from starting.
 */
@Component
class FolderDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(FolderDeployer.class);
  /** The deployable kinds, in the order they go in. */
  private static final List<String> ORDER = List.of(".form", ".dmn", ".bpmn");

  private final DeploymentTarget target;
  private final List<Path> folders;

  FolderDeployer(DeploymentTarget target, @Value("${tsumugi.deploy.folders:bpmn,forms}") String[] folders) {
    this.target = target;
    this.folders = Arrays.stream(folders).map(String::strip).filter(f -> !f.isEmpty()).map(Path::of).toList();
  }

  @EventListener(ApplicationReadyEvent.class)
  void deployFolders() {
    List<Map.Entry<String, byte[]>> resources = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        LOG.info("deployment folder {} does not exist; nothing to deploy from it", folder.toAbsolutePath());
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = folder.relativize(file).toString().replace('\\', '/');
          String lower = name.toLowerCase(Locale.ROOT);
          if (ORDER.stream().anyMatch(lower::endsWith)) {
            resources.add(Map.entry(name, Files.readAllBytes(file)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read deployment folder " + folder, e);
      }
    }
    resources.sort(Comparator.comparingInt(FolderDeployer::rank));
    for (Map.Entry<String, byte[]> resource : resources) {
      try {
        target.deploy(resource.getKey(), resource.getValue()).forEach(live -> LOG.info("{}", live));
      } catch (RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        LOG.error("{} was not deployed: {}", resource.getKey(), cause.getMessage());
      }
    }
  }

  private static int rank(Map.Entry<String, byte[]> resource) {
    String lower = resource.getKey().toLowerCase(Locale.ROOT);
    for (int i = 0; i < ORDER.size(); i++) {
      if (lower.endsWith(ORDER.get(i))) {
        return i;
      }
    }
    return ORDER.size();
  }
}
