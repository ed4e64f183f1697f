package org.tsumugi.engine.spec;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The example decision tables under src/test/resources/dmn, with ids made unique per test (a suffix replaces
 * "SUFFIX") so that tests sharing one engine never version each other's decisions.
 */
final class DecisionFixtures {
  private DecisionFixtures() {}

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The text of a table; the copayment table's elderly rule starts at the given age. */
  static String dmn(String file, String suffix) {
    try (InputStream in = DecisionFixtures.class.getResourceAsStream("/dmn/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("SUFFIX", suffix)
          .replace("COPAY_ELDERLY_FROM", "65");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The copayment table with its overlap fixed: the elderly rate starts at 70. */
  static String fixedCopayment(String suffix) {
    return dmn("copayment.dmn", suffix).replace("&gt;= 65", "&gt;= 70");
  }

  /** The table with a zeebe:versionTag on its decision, as Camunda Modeler writes one. */
  static String tagged(String dmn, String decisionId, String versionTag) {
    return dmn.replaceFirst("<definitions ", "<definitions xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" ")
        .replaceFirst("(<decision id=\"" + decisionId + "\"[^>]*>)", "$1<extensionElements><zeebe:versionTag value=\""
            + versionTag + "\" /></extensionElements>");
  }

  static DeploymentEvent deployDmn(CamundaClient client, String file, String suffix) {
    return client.newDeployResourceCommand().addResourceStringUtf8(dmn(file, suffix), file).send().join();
  }
}
