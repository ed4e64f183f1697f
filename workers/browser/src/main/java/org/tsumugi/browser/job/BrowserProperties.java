package org.tsumugi.browser.job;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tsumugi.browser}.
 *
 * @param robotsDir the scenario folder
 * @param poolSize how many Chromium browsers may run at once
 * @param maxJobsPerBrowser after how many jobs a browser is replaced
 * @param evidenceDir where the file-system evidence store keeps screenshots and step logs
 * @param vaultFile the encrypted credential vault (its key comes from the environment)
 * @param targets base URL per target system, e.g. {@code tsumugi.browser.targets.sandbox-emr}
 * @param locale the language of the robots' messages for people: {@code ja} (default) or {@code en}
 */
@ConfigurationProperties("tsumugi.browser")
public record BrowserProperties(
    @DefaultValue("robots") Path robotsDir,
    @DefaultValue("1") int poolSize,
    @DefaultValue("50") int maxJobsPerBrowser,
    @DefaultValue("data/evidence") Path evidenceDir,
    @DefaultValue("data/vault.json") Path vaultFile,
    Map<String, String> targets,
    @DefaultValue("ja") java.util.Locale locale) {

  public BrowserProperties {
    targets = targets == null ? Map.of() : Map.copyOf(targets);
  }
}
