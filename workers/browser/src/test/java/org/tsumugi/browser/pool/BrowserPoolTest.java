package org.tsumugi.browser.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WindowType;
import org.tsumugi.browser.evidence.FileSystemEvidenceStore;
import org.tsumugi.browser.run.BrowserRobot;
import org.tsumugi.browser.run.RunOutcome;
import org.tsumugi.browser.run.RunRequest;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.scenario.ScenarioCatalog;

/** The pool reuses browsers, hands each job a clean one, and replaces broken or worn ones. */
class BrowserPoolTest {

  private final BrowserPool pool = RobotTestKit.pool();
  private final String emr = RobotTestKit.emr().baseUrl();

  @Test
  void oneBrowserServesJobAfterJob() {
    try (BrowserPool.Lease warm = pool.acquire()) {
      warm.session();
    }
    int started = pool.started();

    for (int i = 0; i < 3; i++) {
      try (BrowserPool.Lease lease = pool.acquire()) {
        lease.session().driver().get(emr + "/login");
      }
    }

    assertThat(pool.started()).isEqualTo(started);
  }

  @Test
  void theNextJobFindsOneBlankWindowAndNoCookiesOfThePreviousJob() {
    try (BrowserPool.Lease lease = pool.acquire()) {
      var driver = lease.session().driver();
      driver.get(emr + "/login");
      driver.manage().addCookie(new Cookie("left", "over"));
      driver.switchTo().newWindow(WindowType.TAB);
      driver.get(emr + "/login");
    }

    try (BrowserPool.Lease lease = pool.acquire()) {
      var driver = lease.session().driver();
      assertThat(driver.getWindowHandles()).hasSize(1);
      assertThat(driver.getCurrentUrl()).isEqualTo("about:blank");
      driver.get(emr + "/login");
      assertThat(driver.manage().getCookies()).isEmpty();
    }
  }

  @Test
  void aScenarioThatAllowsItKeepsItsTargetsLoginForTheNextJobButNoOtherHostsCookies() {
    String otherHost = emr.replace("127.0.0.1", "localhost");
    try (BrowserPool.Lease lease = pool.acquire()) {
      var driver = lease.session().driver();
      driver.get(otherHost + "/login");
      driver.manage().addCookie(new Cookie("SID", "other-target"));
      driver.get(emr + "/login");
      driver.manage().addCookie(new Cookie("SID", "kept"));
      lease.keepLogin("127.0.0.1", true);
    }

    try (BrowserPool.Lease lease = pool.acquire()) {
      var driver = lease.session().driver();
      driver.get(emr + "/login");
      assertThat(driver.manage().getCookieNamed("SID").getValue()).isEqualTo("kept");
      driver.get(otherHost + "/login");
      assertThat(driver.manage().getCookies()).isEmpty();
      lease.keepLogin("127.0.0.1", false);
    }

    try (BrowserPool.Lease lease = pool.acquire()) {
      lease.session().driver().get(emr + "/login");
      assertThat(lease.session().driver().manage().getCookies()).as("a scenario without keepLogin ran").isEmpty();
    }
  }

  @Test
  void aBrowserThatDiedWhileIdleIsReplacedAtTheNextLease() {
    BrowserSession dead;
    try (BrowserPool.Lease lease = pool.acquire()) {
      dead = lease.session();
    }
    dead.killLeftovers();
    int replaced = pool.replaced();

    try (BrowserPool.Lease lease = pool.acquire()) {
      assertThat(lease.session()).isNotSameAs(dead);
      lease.session().driver().get(emr + "/login");
      assertThat(lease.session().driver().getTitle()).contains("ログイン");
    }
    assertThat(pool.replaced()).isEqualTo(replaced + 1);
  }

  @Test
  void aBrowserIsRecycledAfterItsShareOfJobs(@TempDir Path workRoot) {
    try (BrowserPool own = new BrowserPool(BrowserSettings.defaults().withMaxJobsPerSession(2).withWorkRoot(workRoot))) {
      BrowserSession first;
      try (BrowserPool.Lease a = own.acquire()) {
        first = a.session();
      }
      try (BrowserPool.Lease b = own.acquire()) {
        assertThat(b.session()).isSameAs(first);
      }
      try (BrowserPool.Lease c = own.acquire()) {
        assertThat(c.session()).isNotSameAs(first);
        assertThat(c.session().jobs()).isEqualTo(1);
      }
      assertThat(own.started()).isEqualTo(2);
      assertThat(own.replaced()).isEqualTo(1);
    }
  }

  @Test
  void warmingUpStartsAsManyBrowsersAsThePoolMayRunAndTheyServeJobsInParallel(@TempDir Path workRoot) {
    try (BrowserPool two = new BrowserPool(BrowserSettings.defaults().withSize(2).withWorkRoot(workRoot))) {
      two.warmUp(5);
      assertThat(two.started()).isEqualTo(2);

      try (BrowserPool.Lease a = two.acquire(); BrowserPool.Lease b = two.acquire()) {
        assertThat(a.session()).isNotSameAs(b.session());
      }
      assertThat(two.started()).isEqualTo(2);
    }
  }

  @Test
  void aMissingChromiumOrChromedriverNamesTheDebianPackage() {
    BrowserSettings noChromium = BrowserSettings.defaults().withBinaries(Path.of("/nonexistent/chromium"), Path.of("/usr/bin/chromedriver"));
    BrowserSettings noDriver = BrowserSettings.defaults().withBinaries(Path.of("/usr/bin/chromium"), Path.of("/nonexistent/chromedriver"));

    assertThatThrownBy(() -> new BrowserPool(noChromium).checkInstalled())
        .isInstanceOf(BrowserUnavailableException.class)
        .hasMessage("ブラウザ Chromium が見つかりません（/nonexistent/chromium）。Debian パッケージ chromium をインストールしてください: apt-get install chromium");
    assertThatThrownBy(() -> new BrowserPool(noDriver).checkInstalled())
        .hasMessage("ChromeDriver が見つかりません（/nonexistent/chromedriver）。Debian パッケージ chromium-driver をインストールしてください: apt-get install chromium-driver");
  }

  @Test
  void aJobOnAMachineWithoutChromiumFailsWithThatMessage(@TempDir Path evidence) {
    try (BrowserPool broken = new BrowserPool(BrowserSettings.defaults()
        .withBinaries(Path.of("/nonexistent/chromium"), Path.of("/usr/bin/chromedriver")))) {
      BrowserRobot robot = new BrowserRobot(ScenarioCatalog.of(Map.of("t.yaml", "target: t\nsteps:\n  - open: about:blank\n")),
          broken, null, new FileSystemEvidenceStore(evidence), Map.of());

      RunOutcome outcome = robot.run(new RunRequest("t", Map.of(), "k", "r1", null));

      assertThat(outcome).isInstanceOfSatisfying(RunOutcome.TechnicalFailure.class,
          f -> assertThat(f.message()).contains("Debian パッケージ chromium をインストールしてください"));
    }
  }
}
