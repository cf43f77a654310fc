package org.child.cop.activities.ask;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.child.cop.lti.FakePlatform;
import org.child.cop.lti.LaunchingTest;
import org.child.cop.statements.ProfileConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ask the community in headless Chromium, inside the course page's frame of another site with
 * third-party cookies blocked: a ward nurse asks, a theatre colleague answers, the nurse accepts
 * and rates, each launched by the test LMS and using only the pages (links, forms,
 * keyboard-reachable buttons). axe-core checks every page on the way (no serious or critical
 * violations), the pages fit a 320 px frame, and the statements are read back from the tool's LRS
 * against the profile.
 */
class AskInTheBrowserIT extends LaunchingTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private static FakePlatform moodle;
  private static String axe;
  private WebDriver browser;

  /** What axe found on each page checked, for the failure message. */
  private final List<String> checkedPages = new ArrayList<>();

  @BeforeAll
  static void platformAndTools() throws IOException, InterruptedException {
    boolean installed =
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI must install chromium and chromium-driver");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        installed, "install Debian's chromium and chromium-driver to run the browser tests");
    axe = Files.readString(Path.of(axeCorePath()), StandardCharsets.UTF_8);
    moodle = new FakePlatform("https://moodle-browser.fake.test");
  }

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
  void aNurseAsksATheatreColleagueAnswersAndTheNurseAcceptsAndRates() {
    browser = chromium();
    String course = "browser-" + System.nanoTime();

    enterAs(course, "nina", "Nina Nurse", "CHILD/NURSING/BROWSER-WARD-3");
    accessible("question list");
    String list = frameUrl();
    browser.findElement(By.linkText("Ask a question")).click();
    awaitHeading("Ask a question");
    accessible("ask form");
    String askForm = frameUrl();
    browser.findElement(By.id("body")).sendKeys("Heels in theatre: what works?");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    awaitText("The title is empty.");
    accessible("ask form with a refusal");
    assertThat(browser.findElement(By.id("body")).getAttribute("value"))
        .isEqualTo("Heels in theatre: what works?");
    assertThat(browser.findElement(By.id("title")).getAttribute("aria-describedby"))
        .contains("title-error");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .as("the field to fix has the focus")
        .isEqualTo("title");
    browser.findElement(By.id("title")).sendKeys("Heel pressure ulcers");
    browser.findElement(By.id("tags")).sendKeys("Pressure injury prevention");
    browser.findElement(By.cssSelector("label[for=urgency-THIS_WEEK]")).click();
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    awaitText("Your question is posted");
    accessible("question page, asker, no answers");
    String question = frameUrl().replaceAll(".*/questions/([0-9a-f-]{36}).*", "$1");
    assertThat(question).hasSize(36);

    enterAs(course, "theo", "Theo Theatre", "CHILD/SURGERY/BROWSER-THEATRES");
    browser.findElement(By.linkText("Other units")).click();
    browser.findElement(By.linkText("Heel pressure ulcers")).click();
    awaitHeading("Heel pressure ulcers");
    accessible("question page, colleague");
    browser.findElement(By.id("body")).sendKeys("Foam dressings and heel wedges.");
    browser.findElement(By.cssSelector("label[for=show-name]")).click();
    browser.findElement(By.xpath("//button[.='Post the answer']")).click();
    awaitText("Your answer is posted");
    accessible("question page, answered");

    enterAs(course, "nina", "Nina Nurse", "CHILD/NURSING/BROWSER-WARD-3");
    browser.findElement(By.linkText("Mine")).click();
    browser.findElement(By.linkText("Heel pressure ulcers")).click();
    awaitText("Theo Theatre from CHILD / SURGERY / BROWSER-THEATRES");
    accessible("question page, asker, one answer");
    WebElement accept = browser.findElement(By.xpath("//button[.='Accept this answer']"));
    accept.sendKeys(org.openqa.selenium.Keys.ENTER);
    awaitText("How much did it help?");
    accessible("rating form");
    browser.findElement(By.cssSelector("label[for=h-5]")).click();
    browser.findElement(By.id("minutes")).sendKeys("45");
    browser.findElement(By.xpath("//button[.='Save the rating']")).click();
    awaitText("helpfulness 5 of 5 · saved 45 minutes");
    accessible("question page, rated");

    String framed = frameUrl();
    browser.switchTo().defaultContent();
    fitsNarrowWindow("question page", framed);
    fitsNarrowWindow("question list", list);
    fitsNarrowWindow("ask form", askForm);

    String reader = AskCourse.lrsReader(at("/"), ADMIN);
    Map<String, JsonObject> statements = Map.of();
    Instant deadline = Instant.now().plusSeconds(45);
    while (statements.size() < 4 && Instant.now().isBefore(deadline)) {
      pause(250);
      statements = AskCourse.statementsAbout(at("/"), toolBase(), reader, question);
    }
    assertThat(statements.keySet())
        .containsExactlyInAnyOrder(
            "asked-question", "answered-question", "accepted-answer", "rated-answer");
    statements.forEach(
        (template, statement) ->
            assertThat(ProfileConformance.problems(template, statement.toString()))
                .as(template)
                .isEmpty());
    assertThat(statements.get("rated-answer").getJsonObject("result").toString())
        .contains("\"raw\":5", "45");
  }

  // --- steps

  /** The course page on the LMS's site, launching this member into the frame. */
  private void enterAs(String course, String subject, String name, String unitPath) {
    registerOnce(moodle, "1");
    moodle.launches(toolBase());
    moodle.launchesAs(
        nonce -> AskCourse.learnerLaunch(moodle, nonce, course, subject, name, unitPath, null));
    browser.switchTo().defaultContent();
    browser.get(moodle.origin() + "/course?storage=yes");
    browser.switchTo().frame("tool");
    awaitHeading("Ask the community");
    assertThat(browser.getPageSource()).contains(String.join(" / ", unitPath.split("/")));
  }

  /** Where the tool's frame is (the driver's current URL is the top page's). */
  private String frameUrl() {
    return String.valueOf(((JavascriptExecutor) browser).executeScript("return location.href"));
  }

  private void awaitHeading(String heading) {
    awaitText("<h1>" + heading.replace("<", "&lt;"));
  }

  private void awaitText(String text) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(driver -> driver.getPageSource().contains(text));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "no \"" + text + "\" at " + frameUrl() + ":\n" + browser.getPageSource(), e);
    }
  }

  /** axe-core on the page in the frame: no serious or critical violation. */
  private void accessible(String page) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + "  return {id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; }))); })"
                + ".catch(function (e) { done('axe failed: ' + e); });");
    String json = String.valueOf(result);
    assertThat(json).as(page).startsWith("[");
    JsonArray violations;
    try (var reader = Json.createReader(new StringReader(json))) {
      violations = reader.readArray();
    }
    checkedPages.add(page);
    List<JsonObject> grave =
        violations.getValuesAs(JsonObject.class).stream()
            .filter(v -> List.of("serious", "critical").contains(v.getString("impact", "")))
            .toList();
    assertThat(grave).as("axe on the " + page + " (pages checked: " + checkedPages + ")").isEmpty();
  }

  /** The page alone in a 320 px wide window: nothing wider than the window, still accessible. */
  private void fitsNarrowWindow(String page, String url) {
    Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(320, 800));
    try {
      browser.get(url);
      awaitText("<h1>");
      JavascriptExecutor js = (JavascriptExecutor) browser;
      long viewport =
          ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
      long content =
          ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
      assertThat(viewport).isLessThanOrEqualTo(320);
      assertThat(content)
          .as("no horizontal scrolling of the " + page + " at 320 px")
          .isLessThanOrEqualTo(viewport);
      accessible(page + " at 320 px");
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  private WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File(CHROMIUM));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1024,900");
    // third-party cookies blocked, as browsers increasingly do: the pages must not need them
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "profile.cookie_controls_mode",
            1,
            "profile.default_content_setting_values.cookies",
            1));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** axe-core from npm through {@code .ci/axe-core}, which caches it outside the repository. */
  private static String axeCorePath() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", ".ci/axe-core").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("axe-core could not be installed:\n" + output);
    }
    return output.strip().lines().reduce((first, last) -> last).orElseThrow();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
