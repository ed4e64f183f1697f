package org.tsumugi.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tsumugi.server.schema.ServerSchema;

/** Users, their roles and groups in the server's tables. */
public class UserRepository {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  /** Takes the schema so that the tables exist before the first query. */
  UserRepository(JdbcTemplate jdbc, TransactionTemplate transactions, ServerSchema schema) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  public Optional<UserAccount> find(String username) {
    return jdbc.query("select * from tsumugi_user where username = ?", this::row, username).stream().findFirst();
  }

  public Optional<UserAccount> findByEmail(String email) {
    return jdbc.query("select * from tsumugi_user where lower(email) = lower(?)", this::row, email).stream()
        .findFirst();
  }

  public List<UserAccount> all() {
    return jdbc.query("select * from tsumugi_user order by username", this::row);
  }

  public long count() {
    Long count = jdbc.queryForObject("select count(*) from tsumugi_user", Long.class);
    return count == null ? 0 : count;
  }

  void insert(UserAccount user) {
    transactions.executeWithoutResult(status -> {
      jdbc.update("insert into tsumugi_user (username, display_name, email, password_hash, active, "
              + "must_change_password, created_at) values (?, ?, ?, ?, ?, ?, ?)", user.username(), user.displayName(),
          user.email(), user.passwordHash(), user.active(), user.mustChangePassword(), utc(Instant.now()));
      writeRolesAndGroups(user.username(), user.roles(), user.groups());
    });
  }

  void updateRolesAndGroups(String username, Set<Role> roles, Set<String> groups) {
    transactions.executeWithoutResult(status -> {
      jdbc.update("delete from tsumugi_user_role where username = ?", username);
      jdbc.update("delete from tsumugi_user_group where username = ?", username);
      writeRolesAndGroups(username, roles, groups);
    });
  }

  void updateProfile(String username, String displayName, String email) {
    jdbc.update("update tsumugi_user set display_name = ?, email = ? where username = ?", displayName, email,
        username);
  }

  void setPassword(String username, String hash, boolean mustChange) {
    jdbc.update("update tsumugi_user set password_hash = ?, must_change_password = ? where username = ?", hash,
        mustChange, username);
  }

  void clearMustChangePassword(String username) {
    jdbc.update("update tsumugi_user set must_change_password = false where username = ?", username);
  }

  void setActive(String username, boolean active) {
    jdbc.update("update tsumugi_user set active = ? where username = ?", active, username);
  }

  void setTotp(String username, String secret, long lastStep) {
    jdbc.update("update tsumugi_user set totp_secret = ?, totp_last_step = ? where username = ?", secret, lastStep,
        username);
  }

  /** Every stored TOTP secret by username, as stored (sealed, or clear text from before version 70). */
  Map<String, String> totpSecrets() {
    Map<String, String> secrets = new TreeMap<>();
    jdbc.query("select username, totp_secret from tsumugi_user where totp_secret is not null",
        (ResultSet r) -> {
          secrets.put(r.getString(1), r.getString(2));
        });
    return secrets;
  }

  /** Only if the row still holds the old value, so a secret enrolled meanwhile is not overwritten. */
  boolean replaceTotpSecret(String username, String old, String replacement) {
    return jdbc.update("update tsumugi_user set totp_secret = ? where username = ? and totp_secret = ?", replacement,
        username, old) == 1;
  }

  /** Only moves forward, so two requests with the same code cannot both pass. */
  boolean advanceTotpStep(String username, long step) {
    return jdbc.update("update tsumugi_user set totp_last_step = ? where username = ? and totp_last_step < ?", step,
        username, step) == 1;
  }

  /** Counts a failure; at the limit the account locks and the count starts again. */
  void recordFailure(String username, int maxFailures, Instant lockUntil) {
    transactions.executeWithoutResult(status -> {
      jdbc.update("update tsumugi_user set failed_attempts = failed_attempts + 1 where username = ?", username);
      jdbc.update("update tsumugi_user set failed_attempts = 0, locked_until = ? where username = ? "
          + "and failed_attempts >= ?", utc(lockUntil), username, maxFailures);
    });
  }

  void clearFailures(String username) {
    jdbc.update("update tsumugi_user set failed_attempts = 0, locked_until = null where username = ? "
        + "and (failed_attempts <> 0 or locked_until is not null)", username);
  }

  private void writeRolesAndGroups(String username, Set<Role> roles, Set<String> groups) {
    for (Role role : roles) {
      jdbc.update("insert into tsumugi_user_role (username, role) values (?, ?)", username, role.name());
    }
    for (String group : groups) {
      jdbc.update("insert into tsumugi_user_group (username, group_id) values (?, ?)", username, group);
    }
  }

  private UserAccount row(ResultSet rs, int n) throws SQLException {
    String username = rs.getString("username");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.query("select role from tsumugi_user_role where username = ?",
        (ResultSet r) -> {
          roles.add(Role.valueOf(r.getString(1)));
        }, username);
    Set<String> groups = new TreeSet<>(jdbc.queryForList(
        "select group_id from tsumugi_user_group where username = ?", String.class, username));
    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
    return new UserAccount(username, rs.getString("display_name"), rs.getString("email"),
        rs.getString("password_hash"), rs.getBoolean("active"), rs.getBoolean("must_change_password"),
        rs.getString("totp_secret"), rs.getLong("totp_last_step"), rs.getInt("failed_attempts"),
        locked == null ? null : locked.toInstant(), Set.copyOf(roles), Set.copyOf(groups));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
