package org.tsumugi.browser.pool;

import org.tsumugi.browser.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/** Starts one headless Chromium through Debian's chromedriver, never through Selenium Manager. */
final class ChromiumLauncher {

  private final BrowserSettings settings;

  ChromiumLauncher(BrowserSettings settings) {
    this.settings = settings;
  }

  /** Fails with the Debian package to install when a binary is missing, before trying to start. */
  void checkInstalled() {
    if (!Files.isExecutable(settings.chromium())) {
      throw new BrowserUnavailableException(Messages.get("pool.noChromium", settings.chromium()));
    }
    if (!Files.isExecutable(settings.chromedriver())) {
      throw new BrowserUnavailableException(Messages.get("pool.noDriver", settings.chromedriver()));
    }
  }

  BrowserSession start() {
    checkInstalled();
    // Short names on purpose: Chromium puts a Unix socket below TMPDIR, and socket paths are
    // limited to 107 bytes; a long work root makes Chromium exit at start.
    Path workDir = settings.workRoot().resolve(UUID.randomUUID().toString().substring(0, 8));
    Path tmp = workDir.resolve("t");
    Path downloads = workDir.resolve("downloads");
    try {
      Files.createDirectories(tmp);
      Files.createDirectories(downloads);
      LeftoverReaper.claim(workDir);
    } catch (IOException e) {
      throw new BrowserUnavailableException(Messages.get("pool.noWorkDir", workDir), e);
    }
    // Chromium leaves profile folders in TMPDIR; a private one is removed with the session.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(settings.chromedriver().toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("TMPDIR", tmp.toString()))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(settings.chromium().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--no-first-run", "--lang=ja-JP",
        "--window-size=1280,1024", "--user-data-dir=" + workDir.resolve("profile"));
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    prefs.put("intl.accept_languages", "ja-JP,ja");
    options.setExperimentalOption("prefs", prefs);
    // wait: networkIdle counts requests from DevTools' network events, for every window (NetworkActivity).
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    // Dialogs are handled by the scenario's dialog step, so the driver must leave them open.
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    // A hung browser must not hold a job for Selenium's default three minutes.
    ClientConfig client = ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60));
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options, client);
    } catch (RuntimeException e) {
      service.stop();
      BrowserSession.deleteContents(workDir);
      throw new BrowserUnavailableException(Messages.get("pool.startFailed", firstLine(e.getMessage())), e);
    }
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return new BrowserSession(driver, service, workDir, downloads);
  }

  private static String firstLine(String s) {
    return s == null ? "" : List.of(s.split("\n")).get(0);
  }
}
