package org.tsumugi.server.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.tsumugi.browser.vault.AesGcm;
import org.tsumugi.browser.vault.VaultKey;

/**
 * Seals the users' TOTP secrets for the database, so that a copy of the database alone cannot
 * produce anyone's second factor. Stored as {@value #PREFIX} + Base64(nonce ‖ ciphertext ‖ tag);
 * the username is the associated data, so a secret copied into another user's row does not open.
 */
public final class TotpSecrets {
  static final String PREFIX = "v1:";
  private static final String AAD_PREFIX = "tsumugi-totp-v1:";
  private final VaultKey key;

  TotpSecrets(VaultKey key) {
    this.key = key;
  }

  String seal(String username, String secret) {
    return PREFIX + Base64.getEncoder().encodeToString(
        AesGcm.seal(key, aad(username), secret.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The Base32 secret; refuses clear text, which start-up seals before anyone logs in. */
  String open(String username, String stored) {
    if (!isSealed(stored)) {
      throw new Unreadable(username);
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException notBase64) {
      throw new Unreadable(username);
    }
    return AesGcm.open(key, aad(username), sealed).map(plain -> new String(plain, StandardCharsets.US_ASCII))
        .orElseThrow(() -> new Unreadable(username));
  }

  static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  private static byte[] aad(String username) {
    return (AAD_PREFIX + username).getBytes(StandardCharsets.UTF_8);
  }

  /** The stored secret does not open: another key than the one it was sealed with, or a row copied or altered. */
  static final class Unreadable extends IllegalStateException {
    Unreadable(String username) {
      super("the TOTP secret of user " + username + " does not decrypt with the configured key "
          + "(tsumugi.security.totp-key or the key file); restore the key or reset the user's authenticator app");
    }
  }
}
