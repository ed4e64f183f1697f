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
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Named secrets in one JSON file, each value sealed with AES-256-GCM under a fresh 96-bit nonce.
 * The secret's name is the associated data, so a sealed value moved to another name fails to
 * open instead of typing the wrong password somewhere. Thread-safe.
 */
public final class CredentialVault {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String AAD_PREFIX = "tsumugi-vault-v1:";

  private final Path file;
  private final VaultKey key;
  private final SecureRandom random = new SecureRandom();
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
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] out = crypt(true, name, nonce, value.getBytes(StandardCharsets.UTF_8));
    byte[] stored = new byte[NONCE_BYTES + out.length];
    System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
    System.arraycopy(out, 0, stored, NONCE_BYTES, out.length);
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
    byte[] stored = Base64.getDecoder().decode(s);
    byte[] nonce = java.util.Arrays.copyOf(stored, NONCE_BYTES);
    byte[] body = java.util.Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
    return new String(crypt(false, name, nonce, body), StandardCharsets.UTF_8);
  }

  private byte[] crypt(boolean encrypt, String name, byte[] nonce, byte[] input) {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    byte[] k = key.bytes();
    try {
      gcm.init(encrypt, new AEADParameters(new KeyParameter(k), TAG_BITS, nonce,
          (AAD_PREFIX + name).getBytes(StandardCharsets.UTF_8)));
      byte[] out = new byte[gcm.getOutputSize(input.length)];
      int n = gcm.processBytes(input, 0, input.length, out, 0);
      n += gcm.doFinal(out, n);
      return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("資格情報 " + name + " を復号できません（鍵が違うか、保管庫が改ざんされています）");
    } finally {
      java.util.Arrays.fill(k, (byte) 0);
    }
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
