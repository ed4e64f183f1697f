package org.tsumugi.browser.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Named secrets in one JSON file, each value sealed with AES-256-GCM under a fresh 96-bit nonce.
 * The secret's name is the associated data, so a sealed value moved to another name fails to
 * open instead of typing the wrong password somewhere. Thread-safe.
 */
public final class CredentialVault {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final String AAD_PREFIX = "tsumugi-vault-v1:";

  private final Path file;
  private final VaultKey key;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> sealed = new TreeMap<>();

  private CredentialVault(Path file, VaultKey key) {
    this.file = file;
    this.key = key;
  }

  /** Opens the vault file, or starts an empty vault that is created on the first write. */
  public static CredentialVault open(Path file, VaultKey key) {
    CredentialVault v = new CredentialVault(file, key);
    if (Files.exists(file)) {
      try {
        ObjectNode root = (ObjectNode) v.json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = root.with("secrets").fields();
        it.forEachRemaining(e -> v.sealed.put(e.getKey(), e.getValue().asText()));
      } catch (IOException e) {
        throw new UncheckedIOException("資格情報保管庫を読めません: " + file, e);
      }
    }
    return v;
  }

  /** Stores or replaces a secret. */
  public synchronized void put(String name, String value) {
    checkName(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("秘密情報の値が空です");
    }
    byte[] stored = AesGcm.seal(key, aad(name), value.getBytes(StandardCharsets.UTF_8));
    sealed.put(name, Base64.getEncoder().encodeToString(stored));
    save();
  }

  /** Removes a secret; false if there was none of that name. */
  public synchronized boolean delete(String name) {
    boolean removed = sealed.remove(name) != null;
    if (removed) {
      save();
    }
    return removed;
  }

  /** The names of the stored secrets (never their values). */
  public synchronized Set<String> names() {
    return new TreeSet<>(sealed.keySet());
  }

  /**
   * Decrypts one secret to type it into a target. Only the scenario runner should call this, and
   * the result must go nowhere but into the browser.
   */
  public synchronized String reveal(String name) {
    String s = sealed.get(name);
    if (s == null) {
      throw new IllegalArgumentException("資格情報保管庫に " + name + " がありません");
    }
    byte[] plain = AesGcm.open(key, aad(name), Base64.getDecoder().decode(s)).orElseThrow(() ->
        new IllegalStateException("資格情報 " + name + " を復号できません（鍵が違うか、保管庫が改ざんされています）"));
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static byte[] aad(String name) {
    return (AAD_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }

  private void save() {
    ObjectNode root = json.createObjectNode();
    root.put("format", "tsumugi-vault-v1");
    root.put("cipher", "AES-256-GCM");
    ObjectNode secrets = root.putObject("secrets");
    sealed.forEach(secrets::put);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".vault", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
      // Atomic so that a crash mid-write never leaves a half-written vault.
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("資格情報保管庫を保存できません: " + file, e);
    }
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("秘密情報の名前は英小文字・数字・. _ - で書いてください（例: sandbox-emr.password）");
    }
  }

  @Override
  public String toString() {
    return "CredentialVault[" + file + ", " + sealed.size() + " secrets]";
  }
}
