package org.tsumugi.browser.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.scenario.ScenarioCatalog;
import org.tsumugi.browser.vault.CredentialVault;
import org.tsumugi.browser.vault.VaultAdminController;
import org.tsumugi.browser.vault.VaultKey;

/** What the server gets when it imports the browser robots' configuration. */
class BrowserRobotConfigurationTest {

  @TempDir
  Path dir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(BrowserRobotConfiguration.class)
        .withPropertyValues("tsumugi.browser.robots-dir=" + RobotTestKit.robotsDir(),
            "tsumugi.browser.evidence-dir=" + dir.resolve("evidence"),
            "tsumugi.browser.vault-file=" + dir.resolve("vault.json"),
            "tsumugi.browser.targets.sandbox-emr=http://127.0.0.1:18099");
  }

  @Test
  void wiresTheWorkerAndTheVaultWhenAKeyIsConfigured() {
    Path keyFile = dir.resolve("vault.key");
    VaultKey.generate().writeFile(keyFile);

    runner().withPropertyValues(VaultKey.ENV_FILE + "=" + keyFile).run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(BrowserRunWorker.class).hasSingleBean(BrowserRobot.class)
          .hasSingleBean(CredentialVault.class).hasSingleBean(VaultAdminController.class);
      assertThat(ctx.getBean(ScenarioCatalog.class).names()).contains("sandbox-emr/monshin-entry");
    });
  }

  @Test
  void runsWithoutAVaultWhenNoKeyIsConfigured() {
    runner().run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(BrowserRunWorker.class)
        .doesNotHaveBean(CredentialVault.class).doesNotHaveBean(VaultAdminController.class));
  }

  @Test
  void aBrokenScenarioStopsTheStartWithItsMessage() throws Exception {
    Path robots = dir.resolve("robots");
    java.nio.file.Files.createDirectories(robots);
    java.nio.file.Files.writeString(robots.resolve("bad.yaml"), "target: x\nsteps:\n  - tap: {css: a}\n",
        java.nio.charset.StandardCharsets.UTF_8);

    runner().withPropertyValues("tsumugi.browser.robots-dir=" + robots).run(ctx ->
        assertThat(ctx).getFailure().rootCause().hasMessageContaining("bad.yaml:3: steps[0]: 'tap': 不明な手順"));
  }
}
