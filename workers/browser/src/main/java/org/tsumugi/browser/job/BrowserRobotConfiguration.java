package org.tsumugi.browser.job;

import io.camunda.client.CamundaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import java.util.Map;
import org.tsumugi.browser.Messages;
import org.tsumugi.browser.evidence.EvidenceStore;
import org.tsumugi.browser.evidence.FileSystemEvidenceStore;
import org.tsumugi.browser.pool.BrowserPool;
import org.tsumugi.browser.pool.BrowserSettings;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.scenario.ScenarioCatalog;
import org.tsumugi.browser.vault.CredentialVault;
import org.tsumugi.browser.vault.VaultAdminController;
import org.tsumugi.browser.vault.VaultKey;

/**
 * Wires the browser robots for the server ({@code @Import} it). Scenarios are validated when the
 * application starts, so a broken file stops the start-up with its message instead of failing a
 * job at night. A server that has a document store replaces the {@link EvidenceStore} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrowserProperties.class)
public class BrowserRobotConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserRobotConfiguration.class);

  @Bean
  ScenarioCatalog scenarioCatalog(BrowserProperties props) {
    // The first bean of the robots, so that every message after it is in the installation's language.
    Messages.use(props.locale());
    return ScenarioCatalog.load(props.robotsDir());
  }

  @Bean(destroyMethod = "close")
  BrowserPool browserPool(BrowserProperties props) {
    BrowserPool pool = new BrowserPool(BrowserSettings.defaults().withSize(props.poolSize())
        .withMaxJobsPerSession(props.maxJobsPerBrowser()));
    try {
      pool.checkInstalled();
    } catch (RuntimeException e) {
      // Warn at start-up, but let the server run: the other workers do not need a browser.
      LOG.warn("{}", e.getMessage());
    }
    return pool;
  }

  @Bean
  EvidenceStore evidenceStore(BrowserProperties props) {
    return new FileSystemEvidenceStore(props.evidenceDir());
  }

  /** A vault exists only where its key is configured; scenarios using secrets fail clearly without. */
  static final String VAULT_CONFIGURED =
      "'${" + VaultKey.ENV + ":}' != '' or '${" + VaultKey.ENV_FILE + ":}' != ''";

  @Bean
  @ConditionalOnExpression(VAULT_CONFIGURED)
  CredentialVault credentialVault(BrowserProperties props, Environment env) {
    return CredentialVault.open(props.vaultFile(), VaultKey.fromEnvironment(Map.of(
        VaultKey.ENV, env.getProperty(VaultKey.ENV, ""), VaultKey.ENV_FILE, env.getProperty(VaultKey.ENV_FILE, ""))));
  }

  @Bean
  @ConditionalOnExpression(VAULT_CONFIGURED)
  VaultAdminController vaultAdminController(CredentialVault vault) {
    return new VaultAdminController(vault);
  }

  @Bean
  BrowserRobot browserRobot(ScenarioCatalog catalog, BrowserPool pool, ObjectProvider<CredentialVault> vault,
      EvidenceStore evidence, BrowserProperties props) {
    if (vault.getIfAvailable() == null) {
      LOG.warn("No credential vault: set {} or {}", VaultKey.ENV, VaultKey.ENV_FILE);
    }
    return new BrowserRobot(catalog, pool, vault.getIfAvailable(), evidence, props.targets());
  }

  @Bean
  BrowserRunWorker browserRunWorker(BrowserRobot robot, ObjectProvider<CamundaClient> camunda) {
    return new BrowserRunWorker(robot, camunda.getIfAvailable());
  }
}
