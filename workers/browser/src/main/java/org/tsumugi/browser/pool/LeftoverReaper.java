package org.tsumugi.browser.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Chromium and chromedriver processes of browser sessions whose worker JVM died without
 * closing them (SIGKILL, OOM killer, power button on a VM) and ends them, so that a restarted worker
 * does not accumulate orphaned browsers. Each session folder under the work root holds an {@value
 * #OWNER} file naming the JVM that started it (pid and start time, since pids are reused); a session
 * is stale only when that JVM is gone, so browsers of another live worker of the same installation are
 * never touched. A session's processes are recognised by the session folder in their command line
 * (Chromium's profile) or in their environment (the TMPDIR chromedriver and all its children inherit).
 */
final class LeftoverReaper {

  static final String OWNER = "owner";

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverReaper.class);

  private LeftoverReaper() {}

  /** Records this JVM as the owner of a new session folder, before any process is started for it. */
  static void claim(Path sessionDir) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    String started = self.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("0");
    Files.writeString(sessionDir.resolve(OWNER), self.pid() + " " + started, StandardCharsets.US_ASCII);
  }

  /** Ends the processes of every session under the work root whose owner JVM no longer runs. */
  static int reap(Path workRoot) {
    if (!Files.isDirectory(workRoot)) {
      return 0;
    }
    int killed = 0;
    try (DirectoryStream<Path> sessions = Files.newDirectoryStream(workRoot, Files::isDirectory)) {
      for (Path session : sessions) {
        if (ownerGone(session)) {
          List<ProcessHandle> processes = processesOf(session).toList();
          processes.forEach(LeftoverReaper::killTree);
          killed += processes.size();
          BrowserSession.deleteContents(session);
          Files.deleteIfExists(session);
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not look for leftover browsers under {}: {}", workRoot, e.getMessage());
    }
    if (killed > 0) {
      LOG.warn("Ended {} browser processes left by a worker that stopped without closing them", killed);
    }
    return killed;
  }

  /** The running processes that belong to one session folder. */
  static Stream<ProcessHandle> processesOf(Path sessionDir) {
    String folder = sessionDir.toAbsolutePath() + "/";
    String tmpdir = "TMPDIR=" + sessionDir.toAbsolutePath().resolve("t");
    return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid()
        && (commandLineContains(p, folder) || environmentHas(p.pid(), tmpdir)));
  }

  private static boolean ownerGone(Path session) {
    Path owner = session.resolve(OWNER);
    if (!Files.isRegularFile(owner)) {
      // Not ours to judge: a folder from an older version, or one a starting JVM has yet to claim.
      return false;
    }
    try {
      String[] parts = Files.readString(owner, StandardCharsets.US_ASCII).strip().split(" ");
      long pid = Long.parseLong(parts[0]);
      long started = Long.parseLong(parts[1]);
      Optional<Instant> running = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .flatMap(p -> p.info().startInstant());
      // Start times agree to the clock tick; a second of slack tolerates rounding.
      return running.isEmpty() || Math.abs(running.get().toEpochMilli() - started) > 1000;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean commandLineContains(ProcessHandle p, String marker) {
    ProcessHandle.Info info = p.info();
    return info.commandLine().map(c -> c.contains(marker)).orElse(false)
        || info.arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false);
  }

  private static boolean environmentHas(long pid, String entry) {
    try {
      byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      for (String variable : new String(environ, StandardCharsets.UTF_8).split("\0")) {
        if (variable.equals(entry)) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      // Another user's process, one that just ended, or no /proc (not Linux): not ours to end.
      return false;
    }
  }

  private static void killTree(ProcessHandle p) {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    tree.add(p);
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
