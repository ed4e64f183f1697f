package org.tsumugi.server.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * tsumugi.security.*: the hospital's choices on login.
 *
 * @param initialAdminPassword the first administrator's password for unattended installs
 *     (TSUMUGI_ADMIN_PASSWORD); without it a random one-time password is printed once
 * @param requireTotp every person (not robots) must use an authenticator app; on by default because
 *     the MHLW guideline 6.0 requires two factors of systems still running in FY2027
 * @param maxFailures failed logins in a row that lock an account
 * @param lockDuration how long a locked account stays locked unless an administrator unlocks it
 * @param passwordMinLength the guideline's Q&A lets passwords of 13 or more random characters go
 *     without periodic change
 * @param totpIssuer the name an authenticator app shows next to the code
 * @param totpKey the key encrypting the TOTP secrets in the database, 32 bytes in Base64
 *     (TSUMUGI_SECURITY_TOTP_KEY); without it the key is kept in {@code totpKeyFile}
 * @param totpKeyFile the owner-only key file generated on the first start when no key is configured
 */
@ConfigurationProperties("tsumugi.security")
public record SecuritySettings(String initialAdminPassword, Boolean requireTotp, Integer maxFailures,
    Duration lockDuration, Integer passwordMinLength, String totpIssuer, String totpKey, Path totpKeyFile) {

  public SecuritySettings {
    requireTotp = requireTotp == null || requireTotp;
    maxFailures = maxFailures == null ? 5 : maxFailures;
    lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
    passwordMinLength = passwordMinLength == null ? 13 : passwordMinLength;
    totpIssuer = totpIssuer == null || totpIssuer.isBlank() ? "Tsumugi" : totpIssuer;
    initialAdminPassword = initialAdminPassword == null || initialAdminPassword.isBlank() ? null
        : initialAdminPassword;
    totpKey = totpKey == null || totpKey.isBlank() ? null : totpKey;
    totpKeyFile = totpKeyFile == null ? Path.of("data", "totp.key") : totpKeyFile;
  }
}
