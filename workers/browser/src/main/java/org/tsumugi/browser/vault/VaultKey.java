package org.tsumugi.browser.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The vault's 256-bit AES key. It comes from an environment variable or from a file only the
 * service's user can read; it is never stored next to the vault, so a copied vault file alone
 * reveals nothing.
 */
public final class VaultKey {

  /** Environment variable holding the key as Base64. */
  public static final String ENV = "TSUMUGI_VAULT_KEY";
  /** Environment variable naming a key file (Base64 text, mode 600). */
  public static final String ENV_FILE = "TSUMUGI_VAULT_KEY_FILE";

  private final byte[] key;

  private VaultKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("資格情報保管庫の鍵は 32 バイト（Base64 で 44 文字）が必要です");
    }
    this.key = key.clone();
  }

  /** A new random key, e.g. for {@link #writeFile}. */
  public static VaultKey generate() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return new VaultKey(k);
  }

  public static VaultKey fromBase64(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("資格情報保管庫の鍵が Base64 として読めません");
    }
    return new VaultKey(raw);
  }

  /** Reads a key file, refusing one that the group or others could read. */
  public static VaultKey fromFile(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      for (PosixFilePermission p : perms) {
        if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
          throw new IllegalStateException("鍵ファイル " + file + " は所有者以外も読めます（"
              + PosixFilePermissions.toString(perms) + "）。chmod 600 " + file + " で所有者だけにしてください");
        }
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("鍵ファイルを読めません: " + file, e);
    }
  }

  /** The key named by the environment: {@value #ENV} first, else the file in {@value #ENV_FILE}. */
  public static VaultKey fromEnvironment(Map<String, String> env) {
    String inline = env.get(ENV);
    if (inline != null && !inline.isBlank()) {
      return fromBase64(inline);
    }
    String file = env.get(ENV_FILE);
    if (file != null && !file.isBlank()) {
      return fromFile(Path.of(file));
    }
    throw new IllegalStateException("資格情報保管庫の鍵がありません。環境変数 " + ENV + "（Base64）か "
        + ENV_FILE + "（所有者だけが読めるファイル）を設定してください");
  }

  /** Writes the key to a new file created with mode 600. */
  public void writeFile(Path file) {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("鍵ファイルを書けません: " + file, e);
    }
  }

  byte[] bytes() {
    return key.clone();
  }

  /** Never prints the key, so a key in a logged object does not leak. */
  @Override
  public String toString() {
    return "VaultKey[****]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VaultKey other && Arrays.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }
}
