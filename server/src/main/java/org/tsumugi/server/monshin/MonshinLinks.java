package org.tsumugi.server.monshin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.schema.ServerSchema;

/**
 * The issued links. A token is shown once, at issue, and only its SHA-256 is stored: the table alone
 * opens nothing. Tokens carry 256 random bits, so guessing one is out of reach and a plain hash suffices.
 */
class MonshinLinks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "SELECT id, kind, reception_id, label, created_by, created_at, expires_at, "
      + "used_at, revoked_at, revoked_by, submissions FROM monshin_link";

  private final JdbcTemplate jdbc;

  /** Takes the schema so that the table exists before the first link. */
  MonshinLinks(JdbcTemplate jdbc, ServerSchema schema) {
    this.jdbc = jdbc;
  }

  /** A new link and its token, the only time the token exists outside the patient's hands. */
  record Issued(MonshinLink link, String token) {}

  synchronized Issued issue(MonshinLink.Kind kind, String receptionId, String label, String by, long now,
      long expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long id = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM monshin_link", Long.class);
    jdbc.update("INSERT INTO monshin_link (id, token_hash, kind, reception_id, label, created_by, created_at, "
        + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, hash(token), kind.name(), receptionId, label, by, now,
        expiresAt);
    return new Issued(find(id).orElseThrow(), token);
  }

  Optional<MonshinLink> byToken(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.query(COLUMNS + " WHERE token_hash = ?", (rs, n) -> link(rs), hash(token)).stream().findFirst();
  }

  Optional<MonshinLink> find(long id) {
    return jdbc.query(COLUMNS + " WHERE id = ?", (rs, n) -> link(rs), id).stream().findFirst();
  }

  List<MonshinLink> recent(int limit) {
    return jdbc.query(COLUMNS + " ORDER BY created_at DESC, id DESC LIMIT ?", (rs, n) -> link(rs), limit);
  }

  /** Counts a received submission; a visit link is used from then on. */
  void submitted(long id, long now) {
    jdbc.update("UPDATE monshin_link SET submissions = submissions + 1, used_at = COALESCE(used_at, ?) WHERE id = ?",
        now, id);
  }

  /** False when the link was already revoked (or does not exist). */
  boolean revoke(long id, String by, long now) {
    return jdbc.update("UPDATE monshin_link SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
        now, by, id) == 1;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static MonshinLink link(ResultSet rs) throws SQLException {
    return new MonshinLink(rs.getLong("id"), MonshinLink.Kind.valueOf(rs.getString("kind")),
        rs.getString("reception_id"), rs.getString("label"), rs.getString("created_by"), rs.getLong("created_at"),
        rs.getLong("expires_at"), nullable(rs, "used_at"), nullable(rs, "revoked_at"), rs.getString("revoked_by"),
        rs.getInt("submissions"));
  }

  private static Long nullable(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
