package org.tsumugi.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Chromium (Debian's chromium and chromium-driver) driving the pages like a person. */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final String base;

  public Browser(String base) {
    this.base = base;
    try {
      Path tmp = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "b");
      service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
          .withEnvironment(Map.of("TMPDIR", tmp.toString())).build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run", "--lang=ja-JP", "--window-size=1280,1000", "--user-data-dir=" + tmp.resolve("p"));
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja-JP,ja"));
      driver = new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(base + path);
  }

  public String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  /** Signs out whoever was signed in, then signs in through the login form. */
  public void login(String user) {
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"), "signed in as " + user);
  }

  public void logout() {
    driver.manage().deleteAllCookies();
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  public WebElement await(String css) {
    waitUntil(d -> !d.findElements(By.cssSelector(css)).isEmpty() && d.findElement(By.cssSelector(css)).isDisplayed(),
        css + " to show");
    return find(css);
  }

  public <T> T waitUntil(ExpectedCondition<T> condition, String what) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what).until(condition);
  }

  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /**
   * Saves the window as a PNG under target/screenshots; with {@code -Dtsumugi.screenshots=../docs/screenshots}
   * the documentation's pictures are refreshed (so an ordinary test run leaves the tree clean).
   */
  public void screenshot(String name) {
    try {
      Path folder = Path.of(System.getProperty("tsumugi.screenshots", "target/screenshots"));
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    service.stop();
  }
}
