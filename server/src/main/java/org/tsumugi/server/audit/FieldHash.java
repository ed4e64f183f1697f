package org.tsumugi.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over length-prefixed fields: no choice of content can make two different lists hash alike. */
final class FieldHash {
  private FieldHash() {}

  static String of(String... fields) {
    StringBuilder canonical = new StringBuilder();
    for (String field : fields) {
      String value = field == null ? "" : field;
      canonical.append(field == null ? -1 : value.length()).append(':').append(value).append(';');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
