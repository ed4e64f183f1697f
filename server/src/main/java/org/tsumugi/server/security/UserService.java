package org.tsumugi.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tsumugi.server.audit.AuditLog;

/** What may change on a user, each change audited with the administrator or user who made it. */
public class UserService {
  private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final SecuritySettings settings;
  private final AuditLog audit;
  private final Clock clock;
  private final TotpSecrets secrets;

  UserService(UserRepository users, PasswordEncoder encoder, SecuritySettings settings, AuditLog audit, Clock clock,
      TotpSecrets secrets) {
    this.secrets = secrets;
    this.users = users;
    this.encoder = encoder;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  public Optional<UserAccount> find(String username) {
    return username == null ? Optional.empty() : users.find(username);
  }

  /** A random password of 20 characters that reads unambiguously when typed from a screen. */
  public static String oneTimePassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  /**
   * Creates a user with a password that must be changed at first login unless it is a robot's
   * (robots have no browser to change it in).
   */
  public UserAccount create(Actor by, String username, String displayName, String email, String password,
      Set<Role> roles, Set<String> groups) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new UserChangeException("username", "usernameFormat", new Object[0],
          "a username has 1 to 100 letters, digits or the characters . _ @ -");
    }
    if (roles == null || roles.isEmpty()) {
      throw new UserChangeException("roles", "noRole", new Object[0], "a user needs at least one role");
    }
    if (users.find(username).isPresent()) {
      throw new UserChangeException("username", "taken", new Object[] {username},
          "the username " + username + " is taken");
    }
    checkStrength(password);
    boolean robotOnly = roles.stream().noneMatch(Role::isPerson);
    UserAccount user = new UserAccount(username, blankToNull(displayName), blankToNull(email),
        encoder.encode(password), true, !robotOnly, null, 0, 0, null, Set.copyOf(roles),
        groups == null ? Set.of() : Set.copyOf(groups));
    users.insert(user);
    audit.record(by.name(), "USER_CREATED", "user:" + username + " roles:" + roles, "SUCCESS", by.address());
    return users.find(username).orElseThrow();
  }

  /** The operator set the first administrator's password for an unattended install: no forced change. */
  void passwordChosenByOperator(String username) {
    users.clearMustChangePassword(username);
  }

  public void changeOwnPassword(Actor by, String current, String replacement) {
    UserAccount user = existing(by.name());
    if (user.passwordHash() == null || !encoder.matches(current, user.passwordHash())) {
      throw new UserChangeException("current", "currentWrong", new Object[0], "the current password is wrong");
    }
    if (encoder.matches(replacement, user.passwordHash())) {
      throw new UserChangeException("password", "samePassword", new Object[0],
          "the new password must differ from the current one");
    }
    checkStrength(replacement);
    users.setPassword(user.username(), encoder.encode(replacement), false);
    audit.record(by.name(), "PASSWORD_CHANGED", "user:" + user.username(), "SUCCESS", by.address());
  }

  /** A new one-time password the user must change at next login; returned once, never stored in clear. */
  public String resetPassword(Actor by, String username) {
    UserAccount user = existing(username);
    String password = oneTimePassword();
    users.setPassword(user.username(), encoder.encode(password), user.isPerson());
    users.clearFailures(user.username());
    audit.record(by.name(), "PASSWORD_RESET", "user:" + username, "SUCCESS", by.address());
    return password;
  }

  public void setActive(Actor by, String username, boolean active) {
    existing(username);
    if (!active && username.equals(by.name())) {
      throw new UserChangeException("username", "selfDeactivate", new Object[0],
          "an administrator cannot deactivate their own account");
    }
    users.setActive(username, active);
    audit.record(by.name(), active ? "USER_ACTIVATED" : "USER_DEACTIVATED", "user:" + username, "SUCCESS",
        by.address());
  }

  public void unlock(Actor by, String username) {
    existing(username);
    users.clearFailures(username);
    audit.record(by.name(), "USER_UNLOCKED", "user:" + username, "SUCCESS", by.address());
  }

  public void assign(Actor by, String username, Set<Role> roles, Set<String> groups, String displayName,
      String email) {
    existing(username);
    if (roles == null || roles.isEmpty()) {
      throw new UserChangeException("roles", "noRole", new Object[0], "a user needs at least one role");
    }
    if (username.equals(by.name()) && !roles.contains(Role.ADMIN)) {
      throw new UserChangeException("roles", "selfAdmin", new Object[0],
          "an administrator cannot take the ADMIN role from themselves");
    }
    users.updateRolesAndGroups(username, Set.copyOf(roles), groups == null ? Set.of() : Set.copyOf(groups));
    users.updateProfile(username, blankToNull(displayName), blankToNull(email));
    audit.record(by.name(), "USER_CHANGED", "user:" + username + " roles:" + roles + " groups:" + groups, "SUCCESS",
        by.address());
  }

  /** Forgets the authenticator app: the user enrols a new one at next login (a lost phone). */
  public void resetTotp(Actor by, String username) {
    existing(username);
    users.setTotp(username, null, 0);
    audit.record(by.name(), "TOTP_RESET", "user:" + username, "SUCCESS", by.address());
  }

  /** Enrols the secret when the code shows the app holds it; false when the code is wrong. */
  public boolean enrolTotp(Actor by, String secret, String code) {
    OptionalLong step = Totp.matchingStep(secret, code, Instant.now(clock));
    if (step.isEmpty()) {
      return false;
    }
    users.setTotp(by.name(), secrets.seal(by.name(), secret), step.getAsLong());
    audit.record(by.name(), "TOTP_ENROLLED", "user:" + by.name(), "SUCCESS", by.address());
    return true;
  }

  /**
   * Checks a code at login: each code is accepted once.
   *
   * @throws TotpSecrets.Unreadable when the stored secret does not decrypt with the configured key
   */
  public boolean verifyTotp(String username, String code) {
    UserAccount user = existing(username);
    if (!user.totpEnrolled()) {
      return false;
    }
    OptionalLong step = Totp.matchingStep(secrets.open(username, user.totpSecret()), code, Instant.now(clock));
    return step.isPresent() && users.advanceTotpStep(username, step.getAsLong());
  }

  public boolean totpRequired(UserAccount user) {
    return user.isPerson() && (settings.requireTotp() || user.totpEnrolled());
  }

  private void checkStrength(String password) {
    if (password == null || password.length() < settings.passwordMinLength()) {
      throw new UserChangeException("password", "passwordLength", new Object[] {settings.passwordMinLength()},
          "a password needs at least " + settings.passwordMinLength() + " characters");
    }
  }

  private UserAccount existing(String username) {
    return users.find(username).orElseThrow(() -> new UserChangeException("username", "noUser", new Object[] {username},
        "no user " + username));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
