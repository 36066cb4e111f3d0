package io.veroforge.console;

import static io.veroforge.console.SignedIn.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;

/**
 * The console in Debian's chromium: sign in, create a Tenant through the form, watch it become Ready live
 * (the test plays the Tenant reconciler by writing status), and a second user cannot open it. Screenshots of
 * each page go to target/screenshots (docs/console/ holds the committed ones).
 */
@QuarkusTest
class ConsoleBrowserTest {
    /** target/ by default so a test run leaves the tree clean; {@code -Dconsole.screenshots=../docs/console} refreshes the docs. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"));
    private static ChromeDriver browser;
    private static Path profile;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInCreateATenantWatchItBecomeReadyAndAnotherUserCannotOpenIt() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base.resolve("/tenants").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        screenshot("sign-in");
        signIn(ALICE, "alice-local");
        wait.until(ExpectedConditions.textToBe(By.id("user"), ALICE));

        browser.get(base.resolve("/tenants/new").toString());
        browser.findElement(By.id("name")).sendKeys("browser-acme");
        browser.findElement(By.id("displayName")).sendKeys("Acme in the browser");
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accepted")));
        assertThat(browser.findElement(By.id("yaml")).getAttribute("value")).contains("browser-acme");
        screenshot("tenant-new");
        browser.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.urlContains("/tenants/browser-acme"));
        wait.until(ExpectedConditions.textToBe(By.id("state"), "Pending"));

        Tenants.reportReady("browser-acme", "False", "DatabaseError", "schema tenant_browser_acme not created yet");
        wait.until(ExpectedConditions.textToBe(By.id("reason"), "DatabaseError"));
        Tenants.reportReady("browser-acme", "True", "Provisioned", "namespace, quota and schema are in place");
        wait.until(ExpectedConditions.textToBe(By.id("state"), "Ready"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("namespace, quota and schema");
        screenshot("tenant");

        Tenants.ensure(Tenants.ownedBy("browser-other", OwnerKind.Group, "globex-platform-team"));
        browser.get(base.resolve("/tenants").toString());
        assertThat(browser.findElement(By.cssSelector("tr[data-tenant='browser-acme']")).getText()).contains("Ready");
        assertThat(browser.findElements(By.cssSelector("tr[data-tenant='browser-other']"))).isEmpty();
        screenshot("tenants");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("tenants-390px");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.get(base.resolve("/logout").toString());
        signIn(SignedIn.GINA, "gina-local");
        int opened = 0;
        for (int i = 0; i < 3; i++) {
            browser.get(base.resolve("/tenants/browser-acme").toString());
            opened += browser.findElement(By.tagName("h1")).getText().equals("Not found") ? 0 : 1;
        }
        assertThat(opened).isZero();
        screenshot("not-found");
        browser.get(base.resolve("/tenants").toString());
        assertThat(browser.findElements(By.cssSelector("tr[data-tenant='browser-acme']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("tr[data-tenant='browser-other']")).getText()).contains("Pending");
    }

    private void signIn(String user, String password) {
        if (!browser.getCurrentUrl().contains("/login.html")) {
            browser.get(base.resolve("/tenants").toString());
        }
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private static void screenshot(String page) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
