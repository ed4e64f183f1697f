package org.tsumugi.browser.sandbox;

import java.nio.file.Path;
import java.util.Map;
import org.tsumugi.browser.evidence.FileSystemEvidenceStore;
import org.tsumugi.browser.pool.BrowserPool;
import org.tsumugi.browser.pool.BrowserSettings;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.run.RunRequest;
import org.tsumugi.browser.scenario.ScenarioCatalog;
import org.tsumugi.browser.vault.CredentialVault;
import org.tsumugi.browser.vault.VaultKey;

/**
 * A browser worker in a process of its own, so that a test can kill it the hard way in the middle
 * of a 問診 entry. Arguments: EMR base URL, vault file, vault key file, evidence folder, browser work
 * folder, idempotency key, patient ID.
 */
public final class EntryWorkerProcess {

  private EntryWorkerProcess() {}

  public static void main(String[] args) {
    CredentialVault vault = CredentialVault.open(Path.of(args[1]), VaultKey.fromFile(Path.of(args[2])));
    try (BrowserPool pool = new BrowserPool(BrowserSettings.defaults().withWorkRoot(Path.of(args[4])))) {
      BrowserRobot robot = new BrowserRobot(ScenarioCatalog.load(RobotTestKit.robotsDir()), pool, vault,
          new FileSystemEvidenceStore(Path.of(args[3])), Map.of("sandbox-emr", args[0]));
      Map<String, Object> monshin = Map.of("patientId", args[6], "chiefComplaint", "夜間の咳嗽と微熱",
          "onset", "昨日", "allergy", false, "note", "");
      System.out.println(robot.run(new RunRequest("sandbox-emr/monshin-entry", monshin, args[5], "child-run", null)));
    }
  }
}
