package org.tsumugi.browser.vault;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM sealing under a {@link VaultKey}: a fresh 96-bit nonce per value, stored in front of
 * the ciphertext and its 128-bit tag. The associated data binds a sealed value to where it belongs
 * (a secret's name, a user), so one moved elsewhere fails to open. The one crypto path of Tsumugi's
 * secrets at rest (the robots' credential vault, the users' TOTP secrets).
 */
public final class AesGcm {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesGcm() {
  }

  /** nonce ‖ ciphertext ‖ tag. */
  public static byte[] seal(VaultKey key, byte[] associatedData, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] out;
    try {
      out = crypt(true, key, associatedData, nonce, plaintext);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e); // encrypting has no tag to check
    }
    byte[] sealed = new byte[NONCE_BYTES + out.length];
    System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
    System.arraycopy(out, 0, sealed, NONCE_BYTES, out.length);
    return sealed;
  }

  /** The plaintext, or empty when the key or the associated data is not the one sealed with, or the value was altered. */
  public static Optional<byte[]> open(VaultKey key, byte[] associatedData, byte[] sealed) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
    byte[] body = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
    try {
      return Optional.of(crypt(false, key, associatedData, nonce, body));
    } catch (InvalidCipherTextException e) {
      return Optional.empty();
    }
  }

  private static byte[] crypt(boolean encrypt, VaultKey key, byte[] associatedData, byte[] nonce, byte[] input)
      throws InvalidCipherTextException {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    byte[] k = key.bytes();
    try {
      gcm.init(encrypt, new AEADParameters(new KeyParameter(k), TAG_BITS, nonce, associatedData));
      byte[] out = new byte[gcm.getOutputSize(input.length)];
      int n = gcm.processBytes(input, 0, input.length, out, 0);
      n += gcm.doFinal(out, n);
      return n == out.length ? out : Arrays.copyOf(out, n);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }
}
