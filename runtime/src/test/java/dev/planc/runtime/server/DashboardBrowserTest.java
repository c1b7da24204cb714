package dev.planc.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planc.runtime.journal.Event;
import dev.planc.runtime.journal.JournalFile;
import dev.planc.testing.Repository;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's {@code chromium}, headless, driven through Debian's
 * {@code chromedriver} by Selenium, against a real {@link PlanServer} serving the release example.
 * It asserts what the page shows against what the API answers, then logs an event over HTTP and
 * waits for the page to change without a reload.
 *
 * <p>Without chromium and chromedriver the test is skipped, unless {@code PLANC_REQUIRE_BROWSER=1}
 * (set by {@code .ci/run}), when it fails. Selenium Manager never runs: both paths are given. The screenshot lands in
 * {@code target/dashboard.png}, and also at {@code -Dplanc.dashboard.screenshot=PATH} when given
 * (that is how {@code docs/img/dashboard.png} is made, see docs/dashboard.md).
 */
class DashboardBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's packages unless {@code -Dplanc.chromium=PATH} / {@code -Dplanc.chromedriver=PATH} say otherwise. */
    private static final Path CHROMIUM = Path.of(System.getProperty("planc.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("planc.chromedriver", "/usr/bin/chromedriver"));
    private static final LocalDateTime BEFORE_WORK = LocalDateTime.parse("2027-03-01T08:00");
    private static final LocalDateTime AS_OF = LocalDateTime.parse("2027-03-24T10:00");
    /** The page's long date form, "Wed 5 May 2027 14:00". */
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    /** Three weeks of the release example: design done, build under way and behind, metric readings, a cost. */
    private static final String HISTORY = """
            [{"type": "start", "task": "design.api_spec", "at": "2027-03-01T09:00"},
             {"type": "progress", "task": "design.api_spec", "value": 35, "at": "2027-03-01T17:30"},
             {"type": "progress", "task": "design.api_spec", "value": 70, "at": "2027-03-02T17:30"},
             {"type": "start", "task": "design.threat_model", "at": "2027-03-03T09:00"},
             {"type": "finish", "task": "design.api_spec", "at": "2027-03-04T12:00"},
             {"type": "progress", "task": "design.threat_model", "value": 40, "at": "2027-03-05T17:30"},
             {"type": "measure", "metric": "auth_success", "value": 97.3, "at": "2027-03-08T12:00"},
             {"type": "finish", "task": "design.threat_model", "at": "2027-03-09T17:00"},
             {"type": "finish", "task": "design.design_signed", "at": "2027-03-09T17:00"},
             {"type": "start", "task": "build.ledger", "at": "2027-03-10T09:00"},
             {"type": "start", "task": "build.sdks", "at": "2027-03-10T09:00"},
             {"type": "progress", "task": "build.ledger", "value": 25, "at": "2027-03-12T17:30"},
             {"type": "progress", "task": "build.sdks", "value": 20, "at": "2027-03-12T17:30"},
             {"type": "measure", "metric": "auth_success", "value": 97.5, "at": "2027-03-15T12:00"},
             {"type": "start", "task": "build.idempotency", "at": "2027-03-17T09:00"},
             {"type": "progress", "task": "build.ledger", "value": 60, "at": "2027-03-17T17:00"},
             {"type": "progress", "task": "build.sdks", "value": 35, "at": "2027-03-17T17:30"},
             {"type": "measure", "metric": "auth_success", "value": 97.6, "at": "2027-03-22T12:00"},
             {"type": "finish", "task": "build.ledger", "at": "2027-03-22T17:00"},
             {"type": "cost", "task": "build.ledger", "value": 9200, "currency": "GBP", "at": "2027-03-22T17:00"},
             {"type": "start", "task": "build.webhooks", "at": "2027-03-23T09:00"},
             {"type": "progress", "task": "build.sdks", "value": 50, "at": "2027-03-23T17:00"},
             {"type": "progress", "task": "build.idempotency", "value": 25, "at": "2027-03-23T17:00"}]""";

    @TempDir
    Path dir;

    private ServerFixture server;
    private PlanServer restarted;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (apt-get install chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (apt-get install chromium-driver)");
        }
        if (!missing.isEmpty()) {
            String why = "the dashboard browser test needs " + String.join(" and ", missing);
            if ("1".equals(System.getenv("PLANC_REQUIRE_BROWSER"))) {
                fail(why + "; PLANC_REQUIRE_BROWSER=1 makes that a failure");
            }
            Assumptions.abort(why + "; skipped (set PLANC_REQUIRE_BROWSER=1 to fail instead)");
        }

        // Selenium Manager must not look for (or download) anything: both paths are given.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                // a zone far from the plan's: wall-clock times must not move with the browser's zone
                .withEnvironment(Map.of("TZ", "Pacific/Auckland"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=1600,1000", "--force-device-scale-factor=1", "--lang=en-GB",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        // a 1600×1000 viewport (the window's size includes whatever the browser keeps for itself)
        browser.manage().window().setSize(new Dimension(1600, 1000));
        long extraW = (Long) js("return window.outerWidth - window.innerWidth;");
        long extraH = (Long) js("return window.outerHeight - window.innerHeight;");
        if (extraW > 0 || extraH > 0) {
            browser.manage().window().setSize(new Dimension(1600 + (int) extraW, 1000 + (int) extraH));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (restarted != null) {
            restarted.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void serve(Path plan, LocalDateTime now) throws Exception {
        server = new ServerFixture(plan, JournalFile.open(dir.resolve("plan.journal"), w -> { }), now,
                ServerFixture.TOKEN, List.of());
    }

    @Test
    void showsTheStatusAndFollowsTheStream() throws Exception {
        // The server starts before any work was done; the history is logged over HTTP, then the
        // clock moves to the status date, so contingencies fire from the real history.
        serve(Repository.root().resolve("examples/release.plan"), BEFORE_WORK);
        HttpResponse<String> logged = server.post(HISTORY);
        assertEquals(201, logged.statusCode(), logged.body());
        server.clock.set(AS_OF);

        JsonNode status = JSON.readTree(server.get("/api/status").body());
        JsonNode schedule = JSON.readTree(server.get("/api/schedule").body());
        assertEquals(AS_OF.toString(), status.get("asOf").asText());

        browser.get(server.server.uri().toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class); // the page redraws as the stream says
        wait.until(d -> !d.findElements(By.cssSelector("#gantt g.row")).isEmpty()
                && d.findElement(By.id("live")).getDomAttribute("class").contains("live-on"));
        settle();
        js("window.plancMarker = 'same page';");
        assertEquals("Pacific/Auckland", js("return Intl.DateTimeFormat().resolvedOptions().timeZone;"),
                "the browser runs in a zone far from the plan's");

        // header
        assertEquals("Payments API 3.0 release", text("#plan-name"));
        assertEquals("as of " + LONG.format(AS_OF), text("#as-of"));
        String overall = status.get("overall").asText();
        assertEquals("red", overall, "the history is meant to make the release red");
        assertTrue(text("#overall").endsWith("Red"), text("#overall"));
        assertTrue(css("#overall").getDomAttribute("class").contains("flag-red"));
        assertEquals(LONG.format(LocalDateTime.parse(status.get("forecastFinish").asText())), text("#forecast-finish"));
        assertEquals(LONG.format(LocalDateTime.parse(status.get("baselineFinish").asText())), text("#baseline-finish"));
        assertTrue(text("#slip").startsWith("+" + Math.round(status.get("slipHours").asDouble()) + " h"), text("#slip"));
        JsonNode evm = status.get("evm");
        assertTrue(text("#spi").startsWith(String.format(Locale.ROOT, "%.2f", evm.get("spi").asDouble())), text("#spi"));
        assertTrue(css("#spi").getDomAttribute("class").contains("flag-" + evm.get("spiFlag").asText()));
        assertTrue(css("#cpi").getDomAttribute("class").contains("flag-" + evm.get("cpiFlag").asText()));

        // Gantt: one row per task, in the plan's order, with its flag, state and critical mark
        List<WebElement> rows = all("#gantt g.row");
        JsonNode tasks = status.get("tasks");
        assertEquals(tasks.size(), rows.size(), "one Gantt row per task");
        int critical = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode t = tasks.get(i);
            WebElement row = rows.get(i);
            Set<String> classes = Set.of(row.getDomAttribute("class").split(" "));
            String id = t.get("id").asText();
            assertEquals(id, row.getDomAttribute("data-id"));
            assertTrue(classes.contains("flag-" + t.get("flag").asText()), id + ": " + classes);
            assertTrue(classes.contains("state-" + t.get("state").asText()), id + ": " + classes);
            assertTrue(classes.contains("kind-" + t.get("kind").asText()), id + ": " + classes);
            assertEquals(t.get("critical").asBoolean(), classes.contains("critical"), id + ": " + classes);
            if (t.get("critical").asBoolean()) {
                critical++;
                assertFalse(row.findElements(By.cssSelector(".crit-mark")).isEmpty(), id + " has the critical mark");
            }
            // the flag is written out, not only coloured
            String flagWord = t.get("flag").asText();
            assertTrue(row.findElement(By.cssSelector("text.flag-text")).getText()
                    .contains(flagWord.substring(0, 1).toUpperCase(Locale.ROOT) + flagWord.substring(1)), id);
        }
        assertTrue(critical > 0, "the forecast has a critical path");
        assertEquals(1, all("#gantt g.row[data-id='ga'].critical").size(), "GA is on the critical path");
        // milestones are diamonds: a forecast one (flag-coloured) and the baseline one (hollow)
        long milestones = schedule.get("tasks").findValues("kind").stream().filter(k -> k.asText().equals("milestone"))
                .count();
        assertEquals(milestones, all("#gantt g.row.kind-milestone path.ms").size());
        assertEquals(milestones, all("#gantt g.row.kind-milestone path.ms-base").size());
        assertEquals("in_progress", css("#gantt g.row[data-id='build.idempotency']").getDomAttribute("data-state"));
        assertTrue(all("#gantt g.row[data-id='build.ledger'] rect.done-fill").size() == 1, "done tasks are filled");

        // time axis: the today line sits at asOf between the week ticks, and bars start where they should
        double monday22 = attr("#gantt g.tick-week[data-date='2027-03-22']", "data-x");
        double monday29 = attr("#gantt g.tick-week[data-date='2027-03-29']", "data-x");
        double perHour = (monday29 - monday22) / (7 * 24);
        assertEquals(monday22 + (2 * 24 + 10) * perHour, attr("#today-line", "x1"), 1.0, "today line at asOf");
        double monday1 = attr("#gantt g.tick-week[data-date='2027-03-01']", "data-x");
        assertEquals(monday1 + 9 * perHour, attr("#gantt g.row[data-id='design.api_spec'] rect.bar", "x"), 1.0,
                "the API spec bar starts on Monday 1 March at 09:00 (in the plan's zone, not the browser's)");
        assertEquals(monday1 + 9 * perHour, attr("#gantt g.row[data-id='design.api_spec'] rect.base", "x"), 1.0);

        // metric chart with its three readings
        WebElement metric = css("#metrics figure.metric[data-id='auth_success']");
        List<String> values = metric.findElements(By.cssSelector("circle.reading")).stream()
                .map(c -> c.getDomAttribute("data-value")).toList();
        assertEquals(List.of("97.3", "97.5", "97.6"), values);
        assertTrue(metric.getText().contains("Authorisation success rate"), metric.getText());
        assertTrue(metric.getText().contains("97.6%"), metric.getText());
        assertEquals(1, metric.findElements(By.cssSelector("polyline.expected")).size());
        assertEquals(1, metric.findElements(By.cssSelector("polygon.band-amber")).size());

        // contingencies and alerts, as the API reports them
        Map<String, Boolean> fired = new HashMap<>();
        status.get("contingencies").forEach(c -> fired.put(c.get("id").asText(), c.get("fired").asBoolean()));
        assertTrue(fired.get("build_slips"), "the build is behind: build_slips fires");
        for (WebElement li : all("#contingencies li.contingency")) {
            String id = li.getDomAttribute("data-id");
            assertEquals(fired.get(id), li.getDomAttribute("class").contains("fired"), id);
        }
        assertEquals(fired.size(), all("#contingencies li.contingency").size());
        WebElement buildSlips = css("#contingencies li.contingency[data-id='build_slips']");
        assertTrue(buildSlips.getText().startsWith("FIRED"), buildSlips.getText());
        String alerts = text("#alerts");
        for (JsonNode a : status.get("alerts")) {
            assertTrue(alerts.contains(a.get("message").asText()), a + " in " + alerts);
        }
        assertTrue(alerts.contains("Build is a week behind: cut scope in Monday's sync"), alerts);
        assertEquals(status.get("deviations").size(), all("#deviations li.deviation").size());

        Path shot = dir.resolve("dashboard.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        String wanted = System.getProperty("planc.dashboard.screenshot");
        if (wanted != null && !wanted.isBlank()) {
            Files.copy(shot, Path.of(wanted), StandardCopyOption.REPLACE_EXISTING);
        }

        // live: an event logged over HTTP reaches the open page through the stream
        HttpResponse<String> more = server.post("""
                [{"type": "finish", "task": "build.sdks", "at": "2027-03-24T09:30"},
                 {"type": "measure", "metric": "auth_success", "value": 97.0, "at": "2027-03-24T09:45"}]""");
        assertEquals(201, more.statusCode(), more.body());
        wait.until(d -> "done".equals(d.findElement(By.cssSelector("#gantt g.row[data-id='build.sdks']"))
                .getDomAttribute("data-state")));
        wait.until(d -> d.findElements(By.cssSelector("#metrics figure[data-id='auth_success'] circle.reading"))
                .size() == 4);
        settle();
        assertEquals("same page", js("return window.plancMarker;"), "updated in place, not reloaded");
        assertNoConsoleErrors();
        assertTrue(css("#gantt g.row[data-id='build.sdks']").getDomAttribute("class").contains("state-done"));
        String after = JSON.readTree(server.get("/api/status").body()).get("tasks").findParents("id").stream()
                .filter(t -> t.get("id").asText().equals("build.sdks")).map(t -> t.get("flag").asText())
                .collect(Collectors.joining());
        assertEquals(after, css("#gantt g.row[data-id='build.sdks']").getDomAttribute("data-flag"));
        assertTrue(text("#metrics figure[data-id='auth_success'] figcaption").contains("97%"),
                text("#metrics figure[data-id='auth_success'] figcaption"));

        // the server restarts: the browser reconnects by itself and reads what it missed
        int port = server.server.port();
        server.server.close();
        wait.until(d -> d.findElement(By.id("live")).getDomAttribute("class").contains("live-lost"));
        server.runtime.log(List.of(server.runtime.eventBy("test", Event.Type.START,
                LocalDateTime.parse("2027-03-24T09:50"), "build.guide", null, null, null)));
        restarted = PlanServer.start(server.runtime, server.compiled.schedule(), new PlanServer.Options("127.0.0.1",
                port, ServerFixture.TOKEN, List.of(), Duration.ofMillis(50), server.log::add));
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> "in_progress".equals(
                d.findElement(By.cssSelector("#gantt g.row[data-id='build.guide']")).getDomAttribute("data-state")));
        assertTrue(css("#live").getDomAttribute("class").contains("live-on"));
        assertEquals("same page", js("return window.plancMarker;"));
    }

    /**
     * A thousand rows (50 groups of 19 tasks) draw as one SVG. How long that took is printed
     * (measured in the browser: building the strings and parsing them); it is not asserted, speed
     * belongs in bench/.
     */
    @Test
    void drawsAThousandTasks() throws Exception {
        StringBuilder plan = new StringBuilder("plan \"Big\" { start 2027-01-04 }\n");
        for (int g = 0; g < 50; g++) {
            plan.append("task g").append(g).append(" \"Work package ").append(g).append('"')
                    .append(g >= 2 ? " { after g" + (g - 2) + "\n" : " {\n");
            for (int t = 0; t < 19; t++) {
                plan.append("  task t").append(t).append(" \"Step ").append(g).append('.').append(t)
                        .append("\" { duration ").append(1 + t % 3).append('d')
                        .append(t >= 3 ? "  after t" + (t - 3) : "").append(" }\n");
            }
            plan.append("}\n");
        }
        // one metric where lower is better, one without a target (no expected line)
        plan.append("metric defects \"Open defects\" { unit \"bugs\"  baseline 120  target 20 by 2027-06-30 }\n");
        plan.append("metric nps \"Net promoter score\" { baseline 30 }\n");
        Path file = dir.resolve("big.plan");
        Files.writeString(file, plan);
        serve(file, LocalDateTime.parse("2027-02-10T12:00"));
        assertEquals(201, server.post("""
                [{"type": "start", "task": "g0.t0", "at": "2027-01-04T09:00"},
                 {"type": "finish", "task": "g0.t0", "at": "2027-01-08T17:00"},
                 {"type": "measure", "metric": "defects", "value": 118, "at": "2027-01-15T12:00"},
                 {"type": "measure", "metric": "defects", "value": 109, "at": "2027-02-01T12:00"},
                 {"type": "measure", "metric": "nps", "value": 31, "at": "2027-02-01T12:00"}]""").statusCode());

        long began = System.nanoTime();
        browser.get(server.server.uri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("body[data-rendered]")).size() == 1);
        long wall = (System.nanoTime() - began) / 1_000_000;
        assertEquals(1000, all("#gantt g.row").size());
        assertEquals("1000", css("#gantt svg.gantt-body").getDomAttribute("data-rows"));
        assertEquals("done", css("#gantt g.row[data-id='g0.t0']").getDomAttribute("data-state"));
        assertEquals(50, all("#gantt g.row.kind-group").size());
        JsonNode metrics = JSON.readTree(server.get("/api/status").body()).get("metrics");
        WebElement defects = css("#metrics figure[data-id='defects']");
        assertEquals(metrics.get(0).get("flag").asText(), defects.getDomAttribute("data-flag"));
        assertEquals(2, defects.findElements(By.cssSelector("circle.reading")).size());
        assertEquals(1, defects.findElements(By.cssSelector("polyline.expected")).size());
        WebElement nps = css("#metrics figure[data-id='nps']");
        assertEquals(1, nps.findElements(By.cssSelector("circle.reading")).size());
        assertTrue(nps.findElements(By.cssSelector("polyline.expected")).isEmpty(), "no line without a target");
        assertTrue(nps.getText().contains("no target"), nps.getText());
        Files.write(Path.of("target/dashboard-1000.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoConsoleErrors();
        System.out.println("dashboard with 1000 tasks: rendered in " + css("body").getDomAttribute("data-render-ms")
                + " ms in the browser; " + wall + " ms from navigation to the drawn page");
    }

    /** No script error and no Content-Security-Policy violation (the server's CSP allows no inline code or style). */
    private void assertNoConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors, "the browser console");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /**
     * Waits until the page has stopped redrawing (its render counter, {@code data-rendered},
     * unchanged for 0.6 s: longer than its 200 ms debounce), so that elements read next are not
     * replaced under the test by a redraw the stream triggered.
     */
    private void settle() throws InterruptedException {
        String before = null;
        for (int i = 0; i < 50; i++) {
            String now = css("body").getDomAttribute("data-rendered");
            if (now != null && now.equals(before)) {
                return;
            }
            before = now;
            Thread.sleep(600);
        }
        throw new AssertionError("the page kept redrawing for 30 s");
    }

    private WebElement css(String selector) {
        return browser.findElement(By.cssSelector(selector));
    }

    private List<WebElement> all(String selector) {
        return browser.findElements(By.cssSelector(selector));
    }

    private String text(String selector) {
        return css(selector).getText();
    }

    private double attr(String selector, String name) {
        return Double.parseDouble(css(selector).getDomAttribute(name));
    }

}
