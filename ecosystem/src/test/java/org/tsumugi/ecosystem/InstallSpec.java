package org.tsumugi.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/systemd/install.sh lays out the embedded single-server mode: the jar, the models, a data folder,
 * the unit, and an environment file with a first administrator's password that only root and the
 * service can read. Run under --root, so no user or systemctl is touched on this machine.
 */
class InstallSpec {

  @Test
  void installsJarModelsUnitAndAPrivatePassword(@TempDir Path root) throws Exception {
    Shell install = Shell.run(Map.of(), "infra/systemd/install.sh", "--root", root.toString());

    assertThat(install.exitCode()).as(install.output()).isZero();
    assertThat(root.resolve("opt/tsumugi/tsumugi-server.jar")).isRegularFile();
    assertThat(root.resolve("opt/tsumugi/bpmn/claim-check-nightly.bpmn")).isRegularFile();
    assertThat(root.resolve("opt/tsumugi/forms/claim-review.form")).isRegularFile();
    assertThat(root.resolve("opt/tsumugi/data")).isDirectory();
    String unit = Files.readString(root.resolve("etc/systemd/system/tsumugi.service"));
    assertThat(unit).contains("EnvironmentFile=-/etc/tsumugi/tsumugi.env", "User=tsumugi",
        "ExecStart=/usr/bin/java -Dfile.encoding=UTF-8 -jar /opt/tsumugi/tsumugi-server.jar");
    Path env = root.resolve("etc/tsumugi/tsumugi.env");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-r-----");
    // the server refuses a first password shorter than its minimum length (13)
    assertThat(Files.readString(env)).containsPattern("(?m)^TSUMUGI_ADMIN_PASSWORD=[0-9a-f]{36}$");
    assertThat(install.output()).doesNotContain(password(env));
  }

  @Test
  void keepsThePasswordAndDataWhenRunAgain(@TempDir Path root) throws Exception {
    Shell.run(Map.of(), "infra/systemd/install.sh", "--root", root.toString());
    String first = password(root.resolve("etc/tsumugi/tsumugi.env"));
    Files.writeString(root.resolve("opt/tsumugi/data/tsumugi.mv.db"), "state");

    Shell again = Shell.run(Map.of(), "infra/systemd/install.sh", "--root", root.toString());

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(password(root.resolve("etc/tsumugi/tsumugi.env"))).isEqualTo(first);
    assertThat(root.resolve("opt/tsumugi/data/tsumugi.mv.db")).hasContent("state");
  }

  private static String password(Path env) throws Exception {
    return Files.readAllLines(env).stream().filter(l -> l.startsWith("TSUMUGI_ADMIN_PASSWORD="))
        .map(l -> l.substring(l.indexOf('=') + 1)).findFirst().orElseThrow();
  }
}
