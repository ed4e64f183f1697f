package org.tsumugi.browser.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.tsumugi.browser.evidence.FileSystemEvidenceStore;
import org.tsumugi.browser.pool.BrowserPool;
import org.tsumugi.browser.pool.BrowserSettings;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.run.RunOutcome;
import org.tsumugi.browser.run.RunRequest;
import org.tsumugi.browser.scenario.ScenarioCatalog;
import org.tsumugi.browser.vault.CredentialVault;
import org.tsumugi.browser.vault.VaultKey;

/**
 * What the robot tests share: one sandbox EMR, one pooled headless Chromium (starting one costs
 * seconds, so every test class reuses it), a vault holding the sandbox's login, and an evidence
 * folder. Everything starts on first use and stops when the test JVM ends.
 */
public final class RobotTestKit {

  private static SandboxEmr emr;
  private static BrowserPool pool;
  private static CredentialVault vault;
  private static FileSystemEvidenceStore evidence;
  private static Path evidenceRoot;
  private static Path browserRoot;

  private RobotTestKit() {}

  public static synchronized SandboxEmr emr() {
    if (emr == null) {
      try {
        emr = SandboxEmr.start(0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(emr::close));
    }
    return emr;
  }

  public static synchronized BrowserPool pool() {
    if (pool == null) {
      browserRoot = tempDir("tb");
      pool = new BrowserPool(BrowserSettings.defaults().withWorkRoot(browserRoot));
      Runtime.getRuntime().addShutdownHook(new Thread(pool::close));
    }
    return pool;
  }

  public static synchronized CredentialVault vault() {
    if (vault == null) {
      vault = CredentialVault.open(tempDir("tsumugi-vault-test").resolve("vault.json"), VaultKey.generate());
      vault.put("sandbox-emr.user", SandboxEmr.USER);
      vault.put("sandbox-emr.password", SandboxEmr.PASSWORD);
    }
    return vault;
  }

  public static synchronized FileSystemEvidenceStore evidence() {
    if (evidence == null) {
      evidenceRoot = tempDir("tsumugi-evidence-test");
      evidence = new FileSystemEvidenceStore(evidenceRoot);
    }
    return evidence;
  }

  /** The repository's robots/ folder (tests run in the module folder). */
  public static Path robotsDir() {
    return Path.of("../../robots").toAbsolutePath().normalize();
  }

  /** The real scenarios of robots/ plus extra ones written in the test. */
  public static ScenarioCatalog catalog(Map<String, String> extra) {
    Map<String, String> sources = new TreeMap<>(robotSources());
    sources.putAll(extra);
    return ScenarioCatalog.of(sources);
  }

  public static Map<String, String> robotSources() {
    Map<String, String> sources = new TreeMap<>();
    Path dir = robotsDir();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        sources.put(dir.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  public static BrowserRobot robot(ScenarioCatalog catalog) {
    return new BrowserRobot(catalog, pool(), vault(), evidence(), Map.of("sandbox-emr", emr().baseUrl()));
  }

  /** Runs a scenario as a fresh job (new idempotency key). */
  public static RunOutcome run(BrowserRobot robot, String scenario, Map<String, Object> variables) {
    return run(robot, scenario, variables, UUID.randomUUID().toString());
  }

  public static RunOutcome run(BrowserRobot robot, String scenario, Map<String, Object> variables, String key) {
    return robot.run(new RunRequest(scenario, variables, key, "run-" + UUID.randomUUID(), null));
  }

  public static Path evidenceRoot() {
    evidence();
    return evidenceRoot;
  }

  /**
   * Kills the shared pool's Chromium processes the hard way, as an out-of-memory kill or a
   * renderer crash would, leaving Selenium and the pool to find out on their own.
   */
  public static int crashBrowsers() {
    pool();
    String marker = browserRoot.toString();
    List<ProcessHandle> victims = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .toList();
    victims.forEach(ProcessHandle::destroyForcibly);
    return victims.size();
  }

  /** A temporary folder removed when the test JVM ends (screenshots and vaults do not pile up). */
  private static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the OS cleans /tmp eventually.
    }
  }
}
