package org.tsumugi.server.security;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits,
 * the settings every common authenticator app uses.
 */
public final class Totp {
  static final int STEP_SECONDS = 30;
  static final int DIGITS = 6;
  /** One step either side: a phone clock a little off still works. */
  static final int WINDOW = 1;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {
  }

  /** 160 random bits, the key length RFC 4226 recommends, in Base32 as apps expect. */
  public static String newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return base32(key);
  }

  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for a step, with the algorithm and digits given: RFC 6238's test vectors use 8 digits. */
  public static String code(byte[] key, long step, String hmac, int digits) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(key, "RAW"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + hmac, e);
    }
  }

  public static String code(String base32Secret, long step) {
    return code(unbase32(base32Secret), step, "HmacSHA1", DIGITS);
  }

  /** The step whose code matches, within the window around now; empty when none does. */
  public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
    String given = code == null ? "" : code.replaceAll("\\s", "");
    if (!given.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long step = current - WINDOW; step <= current + WINDOW; step++) {
      if (java.security.MessageDigest.isEqual(code(base32Secret, step).getBytes(StandardCharsets.US_ASCII),
          given.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The otpauth:// URI authenticator apps read from the QR code. */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] unbase32(String text) {
    String clean = text.replace("=", "").replace(" ", "").toUpperCase();
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not a Base32 TOTP secret");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
