package io.veroforge.generator.synthesize;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.Fixtures;
import io.veroforge.generator.proof.AppProof;
import io.veroforge.generator.node.CommandRunner;
import io.veroforge.generator.resolve.Resolution;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A generated app's UI used by a person, in real headless Chromium: the book-club app is proved
 * ({@link AppProof}: installs, type-checks, lints, migrates, passes its e2e tests, builds), then its API runs
 * on real Node against a scratch PostgreSQL database (migrated as a non-superuser role) with the dev sign-in on,
 * and {@code vite preview} serves the built UI. In the browser: sign in, create an author, create a book
 * picking that author by name, find it by search, edit it, clear its optional summary, delete it (confirmed).
 * The list page is saved as {@code docs/generator/ui-list.png}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (CI installs them); without them the test fails
 * saying so, it never skips.
 */
@Tag("generated-apps")
@DisabledIfSystemProperty(named = "skipApps", matches = ".*")
class GeneratedUiInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final CommandRunner runner = new CommandRunner();
    private final List<Process> started = new ArrayList<>();

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aPersonSignsInCreatesFindsEditsClearsAndDeletesInChromium() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and its driver are needed at %s and %s: apt-get install chromium chromium-driver (CI's .ci/run installs them)",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Resolution resolution = Fixtures.resolveResource("book-club.yaml");
        assertThat(resolution.errors()).as("the spec resolves").isEmpty();
        AppProof.Report report = AppProof.standard().prove("book-club", new Synthesizer().synthesize(resolution.model()));
        assertThat(report.passed()).as(report.summary() + "\n" + report.failure()).isTrue();

        Path app = Path.of("target/generated-apps/book-club").toAbsolutePath();
        String db = "vf_ui_book_club_" + ProcessHandle.current().pid();
        String role = db + "_app";
        try {
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role,
                    "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE", "CREATE DATABASE " + db + " OWNER " + role);
            try (Stream<Path> files = Files.list(app.resolve("db/migrations"))) {
                for (Path migration : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    check(runner.run(app, Map.of(), 120, "psql", "-h", "127.0.0.1", "-U", role, "-d", db, "-v", "ON_ERROR_STOP=1", "-q",
                            "--single-transaction", "-f", migration.toString()));
                }
            }
            check(runner.run(app.resolve("api"), Map.of(), 300, "npx", "--no-install", "tsc", "-p", "tsconfig.build.json"));
            int apiPort = freePort();
            int uiPort = freePort();
            Map<String, String> apiEnv = new HashMap<>(Map.of(
                    "DATABASE_URL", "postgresql://" + role + "@127.0.0.1:5432/" + db,
                    "JWT_SECRET", "chromium-test-" + ProcessHandle.current().pid() + "-0123456789abcdef0123456789",
                    "AUTH_DEV_LOGIN", "true",
                    "PORT", String.valueOf(apiPort),
                    "METRICS_PORT", String.valueOf(freePort())));
            start(app.resolve("api"), apiEnv, "node", "dist/main.js");
            awaitHttp("http://127.0.0.1:" + apiPort + "/health");
            start(app.resolve("ui"), Map.of("API_PROXY_TARGET", "http://127.0.0.1:" + apiPort),
                    "npx", "--no-install", "vite", "preview", "--host", "127.0.0.1", "--port", String.valueOf(uiPort), "--strictPort");
            String ui = "http://127.0.0.1:" + uiPort;
            awaitHttp(ui + "/api/auth/config");
            useTheUi(ui);
        } finally {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
            for (Process p : started) {
                p.waitFor();
            }
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role);
        }
    }

    private void useTheUi(String ui) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);

            // every page needs a session: the app sends a visitor to the sign-in page
            browser.get(ui + "/books");
            wait.until(ExpectedConditions.urlContains("/sign-in"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("user"))).sendKeys("alice");
            browser.findElement(By.name("tenant")).sendKeys("tenant-ui");
            Select roles = new Select(browser.findElement(By.name("role")));
            roles.getOptions().stream().filter(o -> o.getText().contains("admin")).findFirst()
                    .ifPresent(o -> roles.selectByVisibleText(o.getText()));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".session"), "alice"));

            // an author, then a book whose author is picked by name (not typed as a UUID)
            browser.get(ui + "/authors/new");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("name"))).sendKeys("Ursula K. Le Guin");
            browser.findElement(By.name("country")).sendKeys("USA");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Author: Ursula K. Le Guin"));

            browser.get(ui + "/books/new");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("title"))).sendKeys("The Dispossessed");
            browser.findElement(By.name("summary")).sendKeys("An ambiguous utopia");
            browser.findElement(By.name("pages")).sendKeys("387");
            wait.until(d -> new Select(d.findElement(By.name("authorId"))).getOptions().stream()
                    .anyMatch(o -> o.getText().equals("Ursula K. Le Guin")));
            new Select(browser.findElement(By.name("authorId"))).selectByVisibleText("Ursula K. Le Guin");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Book: The Dispossessed"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("dl"), "Ursula K. Le Guin"));

            // a second book, so that the search has something to leave out
            browser.get(ui + "/books/new");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("title"))).sendKeys("A Wizard of Earthsea");
            wait.until(d -> new Select(d.findElement(By.name("authorId"))).getOptions().size() > 1);
            new Select(browser.findElement(By.name("authorId"))).selectByVisibleText("Ursula K. Le Guin");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Book: A Wizard of Earthsea"));

            // the list, searched on the server (?q=, case-insensitive)
            browser.get(ui + "/books");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "A Wizard of Earthsea"));
            screenshot(browser, Path.of("../docs/generator/ui-list.png"));
            browser.findElement(By.name("q")).sendKeys("DISPOSS");
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "Earthsea")));
            assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("The Dispossessed").doesNotContain("Earthsea");

            // edit: a new title, and the optional summary cleared
            browser.findElement(By.linkText("The Dispossessed")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Edit"))).click();
            WebElement title = wait.until(d -> {
                WebElement t = d.findElement(By.name("title"));
                return t.getDomProperty("value").equals("The Dispossessed") ? t : null;
            });
            title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "The Dispossessed (1974)");
            WebElement summary = browser.findElement(By.name("summary"));
            assertThat(summary.getDomProperty("value")).isEqualTo("An ambiguous utopia");
            // as a person does it: WebElement.clear() sets the value without the input event React listens to
            summary.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Book: The Dispossessed (1974)"));
            assertThat(browser.findElement(By.tagName("dl")).getText()).doesNotContain("An ambiguous utopia");

            // delete asks first; dismissing keeps the row, accepting deletes it
            browser.findElement(By.xpath("//button[text()='Delete']")).click();
            wait.until(ExpectedConditions.alertIsPresent()).dismiss();
            assertThat(browser.findElement(By.tagName("h2")).getText()).contains("The Dispossessed (1974)");
            browser.findElement(By.xpath("//button[text()='Delete']")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "A Wizard of Earthsea"));
            assertThat(browser.findElement(By.tagName("tbody")).getText()).doesNotContain("Dispossessed");
        } finally {
            browser.quit();
        }
    }

    private static void screenshot(WebDriver browser, Path target) throws IOException {
        Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void start(Path dir, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium-test.log").toFile());
        builder.environment().putAll(env);
        started.add(builder.start());
    }

    private void awaitHttp(String url) throws InterruptedException {
        // HTTP/1.1: the default h2c upgrade header makes vite's proxy treat the request as a WebSocket and hang
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : started) {
                assertThat(p.isAlive()).as("a started process exited early; see chromium-test.log of the app's api/ui").isTrue();
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError(url + " did not answer 200 within 60 s");
    }

    private void admin(String... statements) throws IOException, InterruptedException {
        for (String sql : statements) {
            check(runner.run(Path.of("."), Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                    "-q", "-c", sql));
        }
    }

    private static void check(CommandRunner.Outcome outcome) {
        assertThat(outcome.succeeded()).as(outcome.describe()).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
