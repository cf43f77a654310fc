package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Launches in headless Chromium, the tool framed by a course page on another site (the platform on
 * 127.0.0.1, the tool on localhost), with the browser's cookie rules set explicitly: a fresh
 * profile already blocks third-party cookies, so leaving it implicit would test one case only.
 */
class BrowserLaunchIT extends LaunchingTest {

  private static FakePlatform moodle;
  private WebDriver browser;

  @BeforeAll
  static void platform() {
    // CI installs Chromium and must run these; elsewhere the README's test command still works
    boolean installed =
        java.nio.file.Files.isExecutable(java.nio.file.Path.of(CHROMIUM))
            && java.nio.file.Files.isExecutable(java.nio.file.Path.of(CHROMEDRIVER));
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI must install chromium and chromium-driver");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        installed, "install Debian's chromium and chromium-driver to run the browser tests");
    moodle = new FakePlatform("https://moodle.fake.test");
  }

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @AfterAll
  static void stop() {
    if (moodle != null) {
      moodle.close();
    }
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void withEveryCookieBlockedTheLaunchCompletesThroughPlatformStorage() {
    browser = chromium(CookieRule.BLOCK_ALL);
    String tool = inCourseFrame("yes");

    assertThat(tool).contains("Welcome, Ada &lt;Lovelace&gt;", "Infection control CoP");
    String log =
        String.valueOf(
            ((JavascriptExecutor) browser).executeScript("return window.platformLog.join('|')"));
    assertThat(log).contains("lti.capabilities", "lti.put_data state-", "lti.get_data state-");
  }

  @Test
  void withThirdPartyCookiesBlockedAndNoPlatformStorageThePartitionedCookieCarriesTheState() {
    browser = chromium(CookieRule.BLOCK_THIRD_PARTY);
    String tool = inCourseFrame("no");

    assertThat(tool).contains("Welcome, Ada &lt;Lovelace&gt;");
    assertThat(
            String.valueOf(
                ((JavascriptExecutor) browser).executeScript("return window.platformLog.length")))
        .isEqualTo("0");
  }

  @Test
  void withNoCookieAndNoPlatformStorageTheToolOffersANewWindow() {
    browser = chromium(CookieRule.BLOCK_ALL);
    String tool = inCourseFrame("no");

    assertThat(tool).contains("Open CHILD CoP in a new window").doesNotContain("Welcome");
    browser.switchTo().frame("tool");
    assertThat(
            browser.findElement(By.linkText("Open CHILD CoP in a new window")).getAttribute("href"))
        .contains("/lti/login?", "login_hint=2", "lti_message_hint=no-storage");
  }

  /** Opens the course page and returns the tool frame's page once the launch has settled. */
  private String inCourseFrame(String storage) {
    registerOnce(moodle, "1");
    moodle.launches(toolBase());
    browser.get(moodle.origin() + "/course?storage=" + storage);
    browser.switchTo().frame("tool");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(
              driver -> {
                String page = driver.getPageSource();
                return page.contains("Welcome")
                    || page.contains("Open CHILD CoP in a new window")
                    || !driver.findElements(By.cssSelector("#lti-failed:not([hidden])")).isEmpty();
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "the launch did not settle; the frame is at "
              + browser.getCurrentUrl()
              + " showing "
              + browser.getPageSource(),
          e);
    }
    String page = browser.getPageSource();
    browser.switchTo().defaultContent();
    return page;
  }

  private enum CookieRule {
    BLOCK_THIRD_PARTY,
    BLOCK_ALL
  }

  /**
   * The tool believes it is at tool.base-url (localhost:8080 in tests) while Arquillian runs it on
   * a random port: the browser's resolver maps the one onto the other, so the pages, cookies and
   * origins the browser sees are the tool's configured ones.
   */
  private WebDriver chromium(CookieRule rule) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File(CHROMIUM));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "profile.cookie_controls_mode",
            1,
            "profile.default_content_setting_values.cookies",
            rule == CookieRule.BLOCK_ALL ? 2 : 1));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    return new ChromeDriver(service, options);
  }
}
