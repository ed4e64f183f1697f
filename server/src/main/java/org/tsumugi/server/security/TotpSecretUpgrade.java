package org.tsumugi.server.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the TOTP secrets stored in clear text before version 70 of the schema, once, at start-up,
 * so that every enrolment keeps working across the upgrade; and warns when stored secrets do not
 * open with the key, before the first person trying to log in finds out.
 */
final class TotpSecretUpgrade {
  private static final Logger LOG = LoggerFactory.getLogger(TotpSecretUpgrade.class);

  private TotpSecretUpgrade() {
  }

  /** The number of secrets sealed now. */
  static int run(UserRepository users, TotpSecrets secrets) {
    int sealed = 0;
    int unreadable = 0;
    for (Map.Entry<String, String> row : users.totpSecrets().entrySet()) {
      String username = row.getKey();
      String stored = row.getValue();
      if (!TotpSecrets.isSealed(stored)) {
        if (users.replaceTotpSecret(username, stored, secrets.seal(username, stored))) {
          sealed++;
        }
      } else {
        try {
          secrets.open(username, stored);
        } catch (TotpSecrets.Unreadable e) {
          unreadable++;
        }
      }
    }
    if (sealed > 0) {
      LOG.info("Encrypted {} TOTP secrets stored in clear text", sealed);
    }
    if (unreadable > 0) {
      LOG.warn("{} TOTP secrets do not decrypt with the configured key: those users cannot log in until the key "
          + "they were sealed with is restored or an administrator resets their authenticator app", unreadable);
    }
    return sealed;
  }
}
