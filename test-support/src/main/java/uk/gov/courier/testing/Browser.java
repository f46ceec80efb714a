package uk.gov.courier.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Debian Chromium, driven through Selenium and Debian's ChromeDriver, for end-to-end tests
 * of Courier's pages. It saves a full-page screenshot of every page it visits under the module's
 * {@code target/screenshots/}, runs axe-core in the page, collects the browser console's errors,
 * and fills GOV.UK forms by their labels.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start("SignInIT")) {
 *   browser.visit(baseUrl + "/sign-in");
 *   browser.fillIn("Email address", "support@courier.test");
 *   browser.clickButton("Sign in");
 *   browser.assertNoSeriousAccessibilityViolations();
 * }
 * }</pre>
 *
 * <p>It logs nothing secret: it never logs what is typed, screenshot names come from page titles
 * rather than URLs, and long URL path segments and query strings (where link tokens live) are
 * redacted in every message it writes.
 */
public final class Browser implements AutoCloseable {

  /** How Chromium starts on a machine whose network is closed: nothing phones home. */
  public static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1280,1024",
          "--hide-scrollbars",
          "--lang=en-GB");

  public static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(Browser.class);
  private static final AtomicInteger SCREENSHOTS = new AtomicInteger();
  private static final int MAX_SCREENSHOT_HEIGHT = 16_000;
  private static final Pattern LONG_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_~.%-]{20,}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"'<>]+");
  private static String axeSource;

  private final String label;
  private final ChromeDriver driver;
  private final Path userDataDir;
  private final Path screenshotDir;
  private final boolean javaScript;
  private final List<String> consoleErrors = new ArrayList<>();
  private final List<Path> screenshots = new ArrayList<>();
  private final Thread closeAtExit = new Thread(this::quit, "browser-close");

  private Browser(String label, ChromeDriver driver, Path userDataDir, boolean javaScript) {
    this.label = safeFileName(label);
    this.driver = driver;
    this.userDataDir = userDataDir;
    this.javaScript = javaScript;
    this.screenshotDir = Path.of("target", "screenshots").toAbsolutePath();
    // A test that forgets close() must not leave Chromium running after the JVM.
    Runtime.getRuntime().addShutdownHook(closeAtExit);
  }

  /**
   * Starts headless Chromium with JavaScript on. {@code label} begins each screenshot's file name:
   * the test class, or the test.
   */
  public static Browser start(String label) {
    return start(label, true);
  }

  /**
   * Starts headless Chromium with the pages' own JavaScript off, as some users browse: scripts in
   * pages never run (DevTools' {@code Emulation.setScriptExecutionDisabled}, which lasts across
   * navigations in the tab), while this class's own scripts, axe-core among them, still do.
   */
  public static Browser startWithoutJavaScript(String label) {
    return start(label, false);
  }

  private static Browser start(String label, boolean javaScript) {
    Chromium.ensureInstalled();
    // Never let Selenium Manager look for (or download) a driver or a browser.
    System.setProperty("webdriver.chrome.driver", Chromium.DRIVER.toString());
    long started = System.nanoTime();
    Path userDataDir;
    try {
      userDataDir = Files.createTempDirectory("courier-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not make a Chromium profile folder", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Chromium.BROWSER.toFile());
    options.addArguments(CHROMIUM_FLAGS);
    options.addArguments("--user-data-dir=" + userDataDir);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setPageLoadTimeout(PAGE_LOAD_TIMEOUT);
    options.setScriptTimeout(SCRIPT_TIMEOUT);

    Path driverLog = Path.of("target", "chromedriver.log").toAbsolutePath();
    try {
      Files.createDirectories(driverLog.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Chromium.DRIVER.toFile())
            .usingAnyFreePort()
            // SEVERE only: at INFO ChromeDriver logs every command, typed text and URLs included.
            .withLogLevel(ChromiumDriverLogLevel.SEVERE)
            .withAppendLog(true)
            .withLogFile(driverLog.toFile())
            .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteQuietly(userDataDir);
      throw new IllegalStateException(
          "Chromium did not start (" + Chromium.BROWSER + ", " + Chromium.DRIVER + ")", e);
    }
    Browser browser = new Browser(label, driver, userDataDir, javaScript);
    if (!javaScript) {
      browser.pageScripts(false);
    }
    LOG.info(
        "Chromium {} started headless in {} ms{}",
        driver.getCapabilities().getBrowserVersion(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        javaScript ? "" : ", JavaScript off");
    return browser;
  }

  // ---- pages --------------------------------------------------------------------------------

  /** Opens a URL, waits for it to load, and saves a screenshot of it. */
  public Browser visit(String url) {
    driver.get(url);
    screenshotPage();
    return this;
  }

  /**
   * Loads the current URL again (a GET, so a form is never posted twice) until the page's text
   * contains {@code text}, for pages that watch a workflow; screenshots the last load.
   */
  public Browser reloadUntilPageContains(String text, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!pageText().contains(text)) {
      if (Instant.now().isAfter(deadline)) {
        screenshotPage();
        throw new AssertionError(
            "Page \"" + title() + "\" did not show \"" + text + "\" within " + timeout);
      }
      sleep(Duration.ofMillis(300));
      driver.get(driver.getCurrentUrl());
    }
    screenshotPage();
    return this;
  }

  public String title() {
    return driver.getTitle();
  }

  /** The text of the page's one {@code h1}. */
  public String heading() {
    return driver.findElement(By.tagName("h1")).getText().strip();
  }

  /** The page's visible text. */
  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Selenium itself, for anything these helpers do not cover. */
  public WebDriver driver() {
    return driver;
  }

  /** Runs JavaScript in the page (WebDriver's script, which the page's CSP does not block). */
  public Object script(String javaScript, Object... arguments) {
    return driver.executeScript(javaScript, arguments);
  }

  // ---- forms --------------------------------------------------------------------------------

  /**
   * Types {@code value} into the text field, text area or select whose label reads {@code
   * labelOrId} (or whose id is {@code labelOrId}), replacing what was there.
   */
  public Browser fillIn(String labelOrId, String value) {
    WebElement field = field(labelOrId);
    if ("select".equals(field.getTagName())) {
      new Select(field).selectByVisibleText(value);
    } else {
      field.clear();
      field.sendKeys(value);
    }
    return this;
  }

  /** Ticks the radio button or checkbox whose label reads {@code labelOrId} (or has that id). */
  public Browser choose(String labelOrId) {
    WebElement field = field(labelOrId);
    if (!field.isSelected()) {
      clickable(field).click();
    }
    return this;
  }

  /**
   * Clicks the button (a {@code button}, a submit input, or a link styled {@code govuk-button})
   * whose text is {@code text}, waits for what it loads, and saves a screenshot.
   */
  public Browser clickButton(String text) {
    String literal = xpathLiteral(text);
    List<WebElement> buttons =
        driver.findElements(
            By.xpath(
                "//button[normalize-space(.)="
                    + literal
                    + "] | //input[(@type='submit' or @type='button') and normalize-space(@value)="
                    + literal
                    + "] | //a[contains(concat(' ', normalize-space(@class), ' '), ' govuk-button ')"
                    + " and normalize-space(.)="
                    + literal
                    + "]"));
    click(firstDisplayed(buttons, "button", text));
    return this;
  }

  /**
   * Clicks the link whose text is {@code text}, waits for what it loads, and saves a screenshot.
   */
  public Browser clickLink(String text) {
    List<WebElement> links =
        driver.findElements(By.xpath("//a[normalize-space(.)=" + xpathLiteral(text) + "]"));
    click(firstDisplayed(links, "link", text));
    return this;
  }

  /** The items of the GOV.UK error summary, or nothing when the page has none. */
  public List<String> errorSummary() {
    return driver.findElements(By.cssSelector(".govuk-error-summary__list li")).stream()
        .map(e -> e.getText().strip())
        .toList();
  }

  /** The text of the GOV.UK notification banner's content, if the page has one. */
  public Optional<String> notificationBanner() {
    return driver.findElements(By.cssSelector(".govuk-notification-banner__content")).stream()
        .map(e -> e.getText().strip())
        .findFirst();
  }

  // ---- screenshots --------------------------------------------------------------------------

  /**
   * Saves a full-page PNG as {@code target/screenshots/<label>-<n>-<name>.png} and returns its
   * path; {@code n} counts screenshots in this JVM, so the files sort in the order taken.
   */
  public Path screenshot(String name) {
    Path file =
        screenshotDir.resolve(
            String.format(
                Locale.ROOT,
                "%s-%03d-%s.png",
                label,
                SCREENSHOTS.incrementAndGet(),
                safeFileName(name)));
    try {
      Files.createDirectories(screenshotDir);
      Files.write(file, fullPagePng());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save screenshot " + file, e);
    }
    screenshots.add(file);
    LOG.info("Screenshot {}", screenshotDir.getParent().getParent().relativize(file));
    return file;
  }

  /** The screenshots this browser has saved, oldest first. */
  public List<Path> screenshots() {
    return List.copyOf(screenshots);
  }

  private void screenshotPage() {
    String title = title();
    int end = title.indexOf(" – ");
    screenshot(end > 0 ? title.substring(0, end) : title);
  }

  private byte[] fullPagePng() {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    double width = Math.max(1280, number(content.get("width")));
    double height = Math.min(MAX_SCREENSHOT_HEIGHT, Math.max(1, number(content.get("height"))));
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }

  // ---- accessibility ------------------------------------------------------------------------

  /**
   * Runs axe-core (the version pinned in the repository's package-lock.json) against the page and
   * returns every violation, whatever its impact.
   */
  public List<AxeViolation> axe() {
    if (javaScript) {
      return runAxe();
    }
    // axe-core waits on timers, which do not fire while scripts are off: turn them on for the
    // check only. Scripts that the page skipped while loading stay skipped.
    pageScripts(true);
    try {
      return runAxe();
    } finally {
      pageScripts(false);
    }
  }

  private List<AxeViolation> runAxe() {
    // WebDriver's scripts run through the DevTools protocol, which the page's
    // Content-Security-Policy does not govern, so axe runs under script-src 'self'.
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
      driver.executeScript(axeSource());
    }
    Object result =
        driver.executeScript(
            "return axe.run(document, {resultTypes: ['violations']}).then(r =>"
                + " r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,"
                + " helpUrl: v.helpUrl, nodes: v.nodes.map(n => n.target.map(t =>"
                + " Array.isArray(t) ? t.join(' >>> ') : t).join(' | ') + ': '"
                + " + n.html.slice(0, 200))})))");
    List<AxeViolation> violations = new ArrayList<>();
    for (Object item : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) item;
      violations.add(
          new AxeViolation(
              (String) v.get("id"),
              (String) v.get("impact"),
              (String) v.get("help"),
              (String) v.get("helpUrl"),
              ((List<?>) v.get("nodes")).stream().map(n -> redact((String) n)).toList()));
    }
    return violations;
  }

  /** Fails listing each serious or critical axe-core violation on the page, with its elements. */
  public Browser assertNoSeriousAccessibilityViolations() {
    List<AxeViolation> serious = axe().stream().filter(AxeViolation::isSeriousOrCritical).toList();
    if (!serious.isEmpty()) {
      throw new AssertionError(
          serious.size()
              + " serious or critical accessibility violation(s) on \""
              + title()
              + "\":\n  "
              + serious.stream().map(AxeViolation::toString).collect(Collectors.joining("\n  ")));
    }
    return this;
  }

  // ---- console ------------------------------------------------------------------------------

  /**
   * The browser console's errors (level SEVERE: script errors, Content-Security-Policy violations,
   * resources that failed to load) logged since the previous call, with long URL segments and query
   * strings redacted.
   */
  public List<String> consoleErrors() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(redact(entry.getMessage()));
      }
    }
    List<String> errors = List.copyOf(consoleErrors);
    consoleErrors.clear();
    return errors;
  }

  /** Fails listing the console's errors since the previous look at them, if there were any. */
  public Browser assertNoConsoleErrors() {
    List<String> errors = consoleErrors();
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "The browser console logged "
              + errors.size()
              + " error(s), the last page being \""
              + title()
              + "\":\n  "
              + String.join("\n  ", errors));
    }
    return this;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(closeAtExit);
    } catch (IllegalStateException jvmExiting) {
      // the hook is running or about to
    }
    quit();
  }

  private void quit() {
    try {
      driver.quit();
    } catch (RuntimeException alreadyGone) {
      // closed before, or Chromium died: nothing left to stop
    } finally {
      deleteQuietly(userDataDir);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void click(WebElement element) {
    clickable(element).click();
    new WebDriverWait(driver, PAGE_LOAD_TIMEOUT)
        .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    screenshotPage();
  }

  private void pageScripts(boolean on) {
    driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
  }

  private WebElement clickable(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  private WebElement field(String labelOrId) {
    List<WebElement> byId = driver.findElements(By.id(labelOrId));
    if (!byId.isEmpty()) {
      return byId.get(0);
    }
    List<WebElement> labels =
        driver.findElements(
            By.xpath("//label[normalize-space(.)=" + xpathLiteral(labelOrId) + "]"));
    for (WebElement label : labels) {
      String target = label.getAttribute("for");
      if (target != null && !target.isEmpty()) {
        List<WebElement> fields = driver.findElements(By.id(target));
        if (!fields.isEmpty()) {
          return fields.get(0);
        }
      }
      List<WebElement> nested = label.findElements(By.cssSelector("input, select, textarea"));
      if (!nested.isEmpty()) {
        return nested.get(0);
      }
    }
    String known =
        driver.findElements(By.tagName("label")).stream()
            .map(l -> "\"" + l.getText().strip() + "\"")
            .collect(Collectors.joining(", "));
    throw new NoSuchElementException(
        "No field labelled or with id \""
            + labelOrId
            + "\" on \""
            + title()
            + "\"; its labels: "
            + (known.isEmpty() ? "none" : known));
  }

  private WebElement firstDisplayed(List<WebElement> elements, String kind, String text) {
    return elements.stream()
        .filter(WebElement::isDisplayed)
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "No " + kind + " \"" + text + "\" on \"" + title() + "\""));
  }

  private static String axeSource() {
    synchronized (Browser.class) {
      if (axeSource == null) {
        Path root = RepositoryRoot.find();
        Path file = root.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(file)) {
          // Same lock file as Azurite: install what package-lock.json pins, nothing else.
          NodePackages.install(root);
        }
        try {
          axeSource = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "axe-core is missing from node_modules; run npm ci at " + root, e);
        }
      }
      return axeSource;
    }
  }

  /** Replaces what may be a link token (a long path segment, not a UUID) and query strings. */
  static String redact(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = LONG_SEGMENT.matcher(QUERY.matcher(text).replaceAll("?[redacted]"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String segment = m.group();
      m.appendReplacement(
          out, UUID.matcher(segment).matches() ? segment : Matcher.quoteReplacement("[redacted]"));
    }
    return m.appendTail(out).toString();
  }

  /** Lower-case ASCII letters, digits and hyphens; never empty, never long. */
  static String safeFileName(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 80) {
      ascii = ascii.substring(0, 80).replaceAll("-+$", "");
    }
    return ascii.isEmpty() ? "page" : ascii;
  }

  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException e) {
      // a temporary profile; the OS cleans /tmp eventually
    }
  }
}
