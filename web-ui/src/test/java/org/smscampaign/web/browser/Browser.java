package org.smscampaign.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, never a
 * download) driving the platform on loopback. Paths can be overridden with
 * {@code SMS_TEST_CHROMIUM} and {@code SMS_TEST_CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** How long a page may take to show what a test waits for. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * Scrolls the element into view and notes on the window whether the coming click
     * leaves the page. The listeners sit on the window, so they hear a submit or click
     * after the page's own handlers had their chance to prevent it.
     */
    private static final String NOTICE_LEAVING = """
            arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});
            window.smsLeaving = false;
            if (!window.smsNoticesLeaving) {
              window.smsNoticesLeaving = true;
              window.addEventListener('submit', (event) => {
                window.smsLeaving ||= !event.defaultPrevented && !event.target.target;
              });
              window.addEventListener('click', (event) => {
                const link = event.target.closest && event.target.closest('a[href]');
                window.smsLeaving ||= !!link && !event.defaultPrevented && !link.target
                  && !link.hasAttribute('download') && !link.getAttribute('href').startsWith('#');
              });
            }
            """;

    private final ChromeDriver driver;

    private final String base;

    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    public static Browser start(int port) {
        File chromium = executable("SMS_TEST_CHROMIUM", "/usr/bin/chromium");
        File chromedriver = executable("SMS_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            // The console, for tests that a page logs no error (a CSP violation, a failed
            // script).
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver, "http://localhost:" + port, profile);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static File executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        File file = new File((configured != null && !configured.isBlank()) ? configured : fallback);
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " not found: browser tests need Debian's Chromium "
                    + "(apt-get install chromium chromium-driver) or " + variable + " set");
        }
        return file;
    }

    public Browser open(String path) {
        this.driver.get(this.base + path);
        return this;
    }

    /** Forgets cookies, as a new visitor. */
    public void forgetSession() {
        open("/login");
        this.driver.manage().deleteAllCookies();
    }

    public void signIn(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("sign-in"));
        // The page signing in lands on (the overview fetches its figures) belongs to no
        // test: once it loaded, what its console said is set aside, so a request of its
        // still on the way when the test moves on is not blamed on the next page.
        patiently(Duration.ofSeconds(10))
            .until((driver) -> (!path().startsWith("/login") || path().contains("?")) && "complete"
                .equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
        consoleErrors();
    }

    public void type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    /**
     * Clicks the element, scrolled to the middle of the window first, as a person would,
     * and when the click leaves the page (a form sent, a link followed, neither taken
     * over by the page's script) waits until the next page has replaced it: the click
     * returns before that navigation commits, and a test reading on would read the old
     * page.
     */
    public void click(By element) {
        click(find(element));
    }

    /** Clicks an element found within another, as {@link #click(By)} does. */
    public void click(WebElement target) {
        WebElement page = this.driver.findElement(By.tagName("html"));
        this.driver.executeScript(NOTICE_LEAVING, target);
        target.click();
        if (Boolean.TRUE.equals(this.driver.executeScript("return window.smsLeaving === true"))) {
            patiently(PATIENCE).until(ExpectedConditions.stalenessOf(page));
        }
    }

    public WebElement find(By locator) {
        return patiently(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public List<WebElement> findAll(By locator) {
        return this.driver.findElements(locator);
    }

    /** Waits until the condition holds. */
    public void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        patiently(timeout).until((driver) -> condition.getAsBoolean());
    }

    /** Waits until the element's text satisfies the test, and returns that text. */
    public String waitForText(By locator, java.util.function.Predicate<String> test) {
        return patiently(PATIENCE).until((driver) -> {
            String text = driver.findElement(locator).getText();
            return test.test(text) ? text : null;
        });
    }

    /**
     * Sets an input's value the way a date or time picker would (typing is locale-bound).
     */
    public void setValue(By field, String value) {
        this.driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", find(field), value);
    }

    /**
     * Whether the page fits its window across: no horizontal scrolling (phones at 390
     * px).
     */
    public boolean fitsWindowWidth() {
        return Boolean.TRUE
            .equals(this.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));
    }

    /** Runs a script in the page (what a test cannot do through the page itself). */
    public Object script(String script, Object... arguments) {
        return this.driver.executeScript(script, arguments);
    }

    /** Whether an element is on the page now, without waiting for it. */
    public boolean present(By locator) {
        return !this.driver.findElements(locator).isEmpty();
    }

    /** Whether an element is on the page and shown (not merely in the markup). */
    public boolean shown(By locator) {
        return this.driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Whether the image was loaded and decoded. */
    public boolean imageLoaded(By image) {
        return Boolean.TRUE.equals(this.driver
            .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", find(image)));
    }

    /**
     * Whether a canvas has been drawn on: sized, with at least one non-transparent pixel.
     */
    public boolean canvasDrawn(By canvas) {
        return Boolean.TRUE.equals(this.driver.executeScript("""
                const c = arguments[0];
                if (!c.width || !c.height) { return false; }
                const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { return true; } }
                return false;""", find(canvas)));
    }

    /**
     * Whether the document is wider than the window (the page scrolls sideways), as on a
     * phone where a table or form does not fit.
     */
    public boolean documentWiderThanWindow() {
        return !fitsWindowWidth();
    }

    /**
     * POSTs to an address from within the page, with its session and CSRF token, as a
     * form would; returns the status.
     */
    public long postStatus(String url) {
        return (Long) this.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name=_csrf]').content;
                const header = document.querySelector('meta[name=_csrf_header]').content;
                fetch(arguments[0], { method: 'POST', redirect: 'manual', headers: { [header]: token } })
                  .then(r => done(r.status));""", url);
    }

    /** Fetches an address from within the page (with its session), returning the text. */
    public String fetchText(String url) {
        return (String) this.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)",
                url);
    }

    public String path() {
        String url = this.driver.getCurrentUrl();
        return url.substring(this.base.length());
    }

    /**
     * A wait that looks elements up again when they go stale: pages that follow a status
     * live redraw them meanwhile.
     */
    private WebDriverWait patiently(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(this.driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public String heading() {
        return find(By.tagName("h1")).getText();
    }

    public String title() {
        return this.driver.getTitle();
    }

    public String cookie(String name) {
        Cookie cookie = this.driver.manage().getCookieNamed(name);
        return (cookie != null) ? cookie.getValue() : null;
    }

    /** Scrolls the element to the top of the window (before a screenshot of it). */
    public void scrollTo(By element) {
        // Instantly: Bootstrap makes scrolling smooth, and a screenshot would catch it
        // half-way.
        this.driver.executeScript("window.scrollTo({top: arguments[0].getBoundingClientRect().top + window.scrollY, "
                + "behavior: 'instant'})", find(element));
    }

    /**
     * How many pixels the document is wider than the window (0 when nothing scrolls
     * sideways).
     */
    public long overflowWidth() {
        return ((Number) this.driver
            .executeScript("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")).longValue();
    }

    /**
     * The elements that reach past the window's right edge (to say what scrolls
     * sideways).
     */
    public String overflowingElements() {
        return String.valueOf(this.driver.executeScript("""
                const out = ['inner ' + window.innerWidth + ', client ' + document.documentElement.clientWidth
                    + ', scroll ' + document.documentElement.scrollWidth + ', body ' + document.body.scrollWidth];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  const wide = r.right > window.innerWidth + 1 || e.scrollWidth > e.clientWidth + 1;
                  if (wide && out.length < 12 && !e.closest('.table-responsive')) {
                    out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right)
                        + '/' + e.scrollWidth);
                  }
                }
                return out.join('; ');"""));
    }

    /** Marks the page in the window, to tell later whether it was reloaded. */
    public void markPage() {
        this.driver.executeScript("window.pageMark = 'kept'");
    }

    /** Whether the page marked by {@link #markPage} is still the one in the window. */
    public boolean pageKept() {
        return "kept".equals(this.driver.executeScript("return window.pageMark"));

    }

    /**
     * Fails when axe-core (the rules of WCAG 2.1 A and AA and best practice) finds a
     * serious or critical violation on the page as it is now: each with its rule, help
     * and elements.
     */
    public void assertAccessible() {
        List<Rule> severe = new AxeBuilder().analyze(this.driver)
            .getViolations()
            .stream()
            .filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
            .toList();
        if (!severe.isEmpty()) {
            StringBuilder report = new StringBuilder("Accessibility violations on " + path() + ":");
            for (Rule rule : severe) {
                report.append("\n- ").append(rule.getImpact()).append(' ').append(rule.getId()).append(": ");
                report.append(rule.getHelp());
                rule.getNodes()
                    .stream()
                    .limit(5)
                    .forEach((node) -> report.append("\n    ")
                        .append(node.getTarget())
                        .append(' ')
                        .append(node.getHtml()));
            }
            throw new AssertionError(report.toString());
        }
    }

    /**
     * Fails when the document is wider than the window (the page scrolls sideways): wider
     * than the window's width without its vertical scroll bar, which is what shows a
     * horizontal scroll bar in headless Chromium (a phone's overlay scroll bars take no
     * width, so the check is at least as strict as the phone).
     */
    public void assertNoHorizontalScroll() {
        // Right after a resize the layout may still be settling: wait a moment for it.
        try {
            patiently(Duration.ofSeconds(3)).until((driver) -> fits(widths()));
        }
        catch (org.openqa.selenium.TimeoutException ex) {
            // Reported below with what sticks out.
        }
        List<Number> widths = widths();
        if (!fits(widths)) {
            throw new AssertionError(path() + " is " + widths.get(0) + " px wide in a window of " + widths.get(2)
                    + " px (" + widths.get(1) + " px beside the scroll bar); sticking out: " + sticksOut());
        }
    }

    private static boolean fits(List<Number> widths) {
        return widths.get(0).longValue() <= widths.get(1).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Number> widths() {
        return (List<Number>) this.driver.executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]");
    }

    /**
     * The outermost elements past the window's right edge (not those clipped by a box
     * that scrolls), for a failure's message.
     */
    private Object sticksOut() {
        return this.driver.executeScript(
                """
                        const clipped = (e) => {
                          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                            if (getComputedStyle(p).overflowX !== 'visible') { return true; }
                          }
                          return false;
                        };
                        const out = [];
                        for (const e of document.querySelectorAll('body *')) {
                          const r = e.getBoundingClientRect();
                          if (r.right > document.documentElement.clientWidth + 1 && !clipped(e)
                              && !(e.parentElement && e.parentElement.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                                   && !clipped(e.parentElement) && e.parentElement !== document.body)) {
                            out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + String(e.className).split(' ').join('.')
                              + ' in #' + (e.parentElement.closest('[id]') ? e.parentElement.closest('[id]').id : '?')
                              + ' right=' + Math.round(r.right));
                          }
                        }
                        return out.slice(0, 8).join(', ');""");
    }

    /**
     * The errors the console logged since the last call: CSP violations, failed scripts
     * and loads.
     */
    public List<String> consoleErrors() {
        return this.driver.manage()
            .logs()
            .get(LogType.BROWSER)
            .getAll()
            .stream()
            .filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    }

    /** Fails when the console logged an error since the last look. */
    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("Console errors on " + path() + ":\n" + String.join("\n", errors));
        }
    }

    /**
     * What the page's clipboard holds (the browser is allowed to read it, as a person
     * pasting would).
     */
    public String clipboard() {
        this.driver.setPermission("clipboard-read", "granted");
        return (String) this.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.clipboard.readText().then(done, (e) => done('clipboard unreadable: ' + e));""");
    }

    /**
     * Presses Tab until the element has the focus (at most 40 times); false if it never
     * does.
     */
    public boolean tabTo(By element) {
        WebElement target = find(element);
        for (int i = 0; i < 40; i++) {
            this.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            if (target.equals(this.driver.switchTo().activeElement())) {
                return true;
            }
        }
        return false;
    }

    public void resize(int width, int height) {
        this.driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Saves a screenshot under target/screenshots, for looking at a failure afterwards.
     */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), capture());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The page once loaded. A capture that a navigation aborts (seen once under load,
     * after the page had loaded) is taken again on the page that navigation led to.
     */
    private byte[] capture() {
        for (int attempt = 1;; attempt++) {
            patiently(PATIENCE)
                .until((driver) -> "complete".equals(this.driver.executeScript("return document.readyState")));
            try {
                return this.driver.getScreenshotAs(OutputType.BYTES);
            }
            catch (WebDriverException ex) {
                if (attempt == 3 || !String.valueOf(ex.getMessage()).contains("navigation")) {
                    throw ex;
                }
            }
        }
    }

    @Override
    public void close() {
        this.driver.quit();
        try (var files = Files.walk(this.profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        catch (IOException ex) {
            // a leftover temporary profile is harmless
        }
    }

}
