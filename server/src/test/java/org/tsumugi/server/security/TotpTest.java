package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TOTP codes match RFC 6238's test vectors and an authenticator app's 6-digit codes. */
class TotpTest {
  private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
      "2000000000, 69279037", "20000000000, 65353130"})
  void matchesTheRfc6238TestVectorsForSha1(long unixSeconds, String expected) {
    assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(unixSeconds)), "HmacSHA1", 8))
        .isEqualTo(expected);
  }

  @Test
  void aBase32SecretGivesTheSameSixDigitCodeAsTheRawKey() {
    String secret = Totp.base32(RFC_SEED);
    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.code(secret, 1)).isEqualTo("287082");
  }

  @Test
  void acceptsTheNeighbouringStepsOnlyAndNothingButSixDigits() {
    String secret = Totp.newSecret();
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = Totp.step(now);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 3), now)).isEmpty();
    assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
  }

  @Test
  void theEnrolmentUriCarriesIssuerAccountAndSecret() {
    assertThat(Totp.uri("Tsumugi 病院", "nurse1", "ABC"))
        .isEqualTo("otpauth://totp/Tsumugi%20%E7%97%85%E9%99%A2:nurse1?secret=ABC&issuer=Tsumugi%20%E7%97%85%E9%99%A2"
            + "&algorithm=SHA1&digits=6&period=30");
  }
}
