package org.tsumugi.server.security;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.browser.vault.VaultKey;

/**
 * Where the key sealing the TOTP secrets comes from: tsumugi.security.totp-key when the operator
 * keeps it in the environment, otherwise an owner-only key file under the data directory, made on
 * the first start. Never next to the database rows it protects, and never logged.
 */
final class TotpKey {
  private static final Logger LOG = LoggerFactory.getLogger(TotpKey.class);

  private TotpKey() {
  }

  static VaultKey load(SecuritySettings settings) {
    if (settings.totpKey() != null) {
      try {
        VaultKey key = VaultKey.fromBase64(settings.totpKey());
        LOG.info("TOTP secrets are encrypted with the key from tsumugi.security.totp-key");
        return key;
      } catch (IllegalArgumentException wrong) {
        throw new IllegalStateException("tsumugi.security.totp-key (TSUMUGI_SECURITY_TOTP_KEY) must be 32 bytes in "
            + "Base64 (e.g. openssl rand -base64 32): " + wrong.getMessage(), wrong);
      }
    }
    Path file = settings.totpKeyFile().toAbsolutePath();
    if (!Files.exists(file)) {
      try {
        Files.createDirectories(file.getParent());
        VaultKey.generate().writeFile(file);
        LOG.info("Generated the key encrypting the TOTP secrets in {}: back it up with the database", file);
      } catch (java.io.IOException | UncheckedIOException e) {
        if (!Files.exists(file)) { // another server sharing the data directory may have just written it
          throw new IllegalStateException("cannot write the TOTP key file " + file, e);
        }
      }
    } else {
      LOG.info("TOTP secrets are encrypted with the key in {}", file);
    }
    return VaultKey.fromFile(file);
  }
}
