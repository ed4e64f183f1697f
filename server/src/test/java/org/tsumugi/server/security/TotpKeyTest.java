package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key sealing the TOTP secrets: configured, or generated once into an owner-only file. */
class TotpKeyTest {
  @TempDir
  Path dir;

  @Test
  void withoutAConfiguredKeyAnOwnerOnlyFileIsGeneratedOnceAndKept() throws Exception {
    Path file = dir.resolve("data").resolve("totp.key");
    TotpSecrets first = new TotpSecrets(TotpKey.load(settings(null, file)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String sealed = first.seal("nurse1", "JBSWY3DPEHPK3PXP");

    TotpSecrets afterRestart = new TotpSecrets(TotpKey.load(settings(null, file)));
    assertThat(afterRestart.open("nurse1", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
  }

  @Test
  void aConfiguredKeyIsUsedAndNoFileIsWritten() {
    Path file = dir.resolve("totp.key");
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    String sealed = new TotpSecrets(TotpKey.load(settings(key, file))).seal("nurse1", "JBSWY3DPEHPK3PXP");
    assertThat(file).doesNotExist();
    assertThat(new TotpSecrets(TotpKey.load(settings(key, dir.resolve("other.key")))).open("nurse1", sealed))
        .isEqualTo("JBSWY3DPEHPK3PXP");
  }

  @Test
  void aKeyOfTheWrongLengthIsRefusedAtStartNamingTheSetting() {
    assertThatThrownBy(() -> TotpKey.load(settings("c2hvcnQ=", dir.resolve("totp.key"))))
        .hasMessageContaining("tsumugi.security.totp-key");
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    Path file = dir.resolve("totp.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> TotpKey.load(settings(null, file))).hasMessageContaining("chmod 600");
  }

  private static SecuritySettings settings(String key, Path file) {
    return new SecuritySettings(null, null, null, null, null, null, key, file);
  }
}
