package org.tsumugi.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.tsumugi.server.audit.AuditLog;

/**
 * Checks a username and password, counts failures towards the lock-out and audits every failure,
 * for the login form and HTTP Basic alike.
 *
 * <p>Robots send their password with every request; hashing it each time (bcrypt, tens of
 * milliseconds) would take the cores from the engine. A password that matched is remembered for a
 * few minutes as a salted SHA-256 tied to the stored hash, so a changed password is asked again.
 */
class PasswordCheck extends DaoAuthenticationProvider {
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private final byte[] salt = new byte[32];
  private final Map<String, Instant> recentlyMatched = new ConcurrentHashMap<>();
  private final UserRepository users;
  private final SecuritySettings settings;
  private final AuditLog audit;
  private final Clock clock;

  PasswordCheck(UserDetailsLookup lookup, PasswordEncoder encoder, UserRepository users, SecuritySettings settings,
      AuditLog audit, Clock clock) {
    super(encoder);
    setUserDetailsService(lookup);
    new SecureRandom().nextBytes(salt);
    this.users = users;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    try {
      Authentication result = super.authenticate(authentication);
      users.clearFailures(username);
      return result;
    } catch (BadCredentialsException wrong) {
      if (users.find(username).isPresent()) {
        users.recordFailure(username, settings.maxFailures(), Instant.now(clock).plus(settings.lockDuration()));
      }
      audit.record(username, "LOGIN_FAILED", "password", "FAILURE", address);
      throw wrong;
    } catch (AccountStatusException refused) {
      audit.record(username, "LOGIN_FAILED", refused.getClass().getSimpleName(), "FAILURE", address);
      throw refused;
    }
  }

  @Override
  protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken given)
      throws AuthenticationException {
    String key = given.getCredentials() == null ? null
        : key(user.getUsername(), given.getCredentials().toString(), user.getPassword());
    Instant now = Instant.now(clock);
    if (key != null && recentlyMatched.getOrDefault(key, Instant.MIN).isAfter(now)) {
      return;
    }
    super.additionalAuthenticationChecks(user, given);
    if (key != null) {
      recentlyMatched.entrySet().removeIf(entry -> entry.getValue().isBefore(now));
      recentlyMatched.put(key, now.plus(REMEMBER));
    }
  }

  private String key(String username, String password, String storedHash) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      for (String part : new String[] {username, password, storedHash}) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
