package org.tsumugi.browser.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Keeps evidence as files under one folder, one sub-folder per run. Screenshots can show patient
 * data, so folders and files are readable by the service's own user only.
 */
public final class FileSystemEvidenceStore implements EvidenceStore {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  private final Path root;

  public FileSystemEvidenceStore(Path root) {
    this.root = root;
  }

  @Override
  public String store(String runId, String name, String mediaType, byte[] content) {
    if (!SAFE.matcher(runId).matches() || !SAFE.matcher(name).matches() || name.startsWith(".")) {
      throw new IllegalArgumentException("unsafe evidence name: " + runId + "/" + name);
    }
    try {
      Path dir = root.resolve(runId);
      Files.createDirectories(dir);
      ownerOnly(root, "rwx------");
      ownerOnly(dir, "rwx------");
      Path file = dir.resolve(name);
      Files.write(file, content);
      ownerOnly(file, "rw-------");
      return "file:" + root.relativize(file).toString().replace('\\', '/');
    } catch (IOException e) {
      throw new UncheckedIOException("証跡を保存できません", e);
    }
  }

  @Override
  public byte[] read(String reference) {
    if (!reference.startsWith("file:") || reference.contains("..")) {
      throw new IllegalArgumentException("not a reference of this store: " + reference);
    }
    try {
      return Files.readAllBytes(root.resolve(reference.substring(5)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ownerOnly(Path p, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows development machines): rely on the folder's ACL.
    }
  }
}
