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
import org.junit.jupiter.api.AfterEach;
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
 * (the test plays the Tenant reconciler by writing status), and a second user cannot open it; an app through its
 * Generation and approval; a Canary promoted by hand; a proposal approved by a platform admin. Screenshots of
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
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each test starts signed out, in whatever order JUnit runs them (the session is a cookie of the console's origin). */
    @AfterEach
    void signOut() {
        browser.get(base.resolve("/login.html").toString());
        browser.manage().deleteAllCookies();
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
        // signed in before the attempts: a sign-in form still loading is not the isolation being tested
        wait.until(ExpectedConditions.textToBe(By.id("user"), SignedIn.GINA));
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

    /**
     * Create an app through the form, then play the operator (it does not run in this JVM): write the AppSpec's
     * status and a Generation whose timeline moves stage by stage while the page shows it live; approve it with a
     * reason and find the signed-in user's name in the annotation the operator reads.
     */
    @Test
    void createAnAppWatchItsGenerationLiveAndApproveIt() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Tenants.ensure(Tenants.ownedBy("browser-apps", OwnerKind.User, ALICE));
        String ns = "tenant-browser-apps";
        signOutThenIn(ALICE, "alice-local");

        browser.get(base.resolve("/tenants/browser-apps/apps/new").toString());
        browser.findElement(By.id("name")).sendKeys("browser-gym");
        browser.findElement(By.id("vertical")).sendKeys("fitness");
        browser.findElement(By.id("requirements")).sendKeys("Members book classes; trainers run them.");
        browser.findElement(By.id("entities")).sendKeys("Member, Trainer, ClassSession");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("approvalPolicy"))).selectByValue("manual");
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accepted")));
        assertThat(browser.findElement(By.id("yaml")).getAttribute("value")).contains("browser-gym").contains("ClassSession");
        screenshot("app-new");
        browser.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.urlContains("/tenants/browser-apps/apps/browser-gym"));
        assertThat(Apps.app(ns, "browser-gym").getSpec().getApproval().getPolicy())
                .isEqualTo(io.veroforge.api.v1alpha1.ApprovalPolicy.MANUAL);

        // the operator's part: the AppSpec resolves and its first Generation starts
        Apps.ensureGeneration(ns, "browser-gym", "browser-gym-1");
        Apps.reportGeneration(ns, "browser-gym-1", BrowserOperator::started);
        Apps.reportApp(ns, "browser-gym", "browser-gym-1", null, java.util.List.of(),
                "Resolved", "True", "Resolved", "3 entities, 0 workflows",
                "Ready", "True", "GenerationRecorded", "Generation browser-gym-1 records the current spec",
                "Deployed", "False", "Running", "browser-gym-1: stage Synthesize is running");
        browser.get(base.resolve("/tenants/browser-apps/apps").toString());
        assertThat(browser.findElement(By.cssSelector("tr[data-app='browser-gym']")).getText())
                .contains("browser-gym-1").contains("Not ready").contains("stage Synthesize is running");
        screenshot("apps");
        browser.get(base.resolve("/tenants/browser-apps/apps/browser-gym").toString());
        assertThat(browser.findElement(By.cssSelector("tr[data-generation='browser-gym-1']")).getText()).contains("Running");
        screenshotWhole("app");

        browser.findElement(By.linkText("browser-gym-1")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#stage-Synthesize .stage-state"), "Running"));
        Apps.reportGeneration(ns, "browser-gym-1", BrowserOperator::synthesized);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#stage-Commit .stage-state"), "Running (retrying)"));
        assertThat(browser.findElement(By.cssSelector("#stage-Commit .stage-message")).getText())
                .contains("retrying with backoff: Git push refused");
        Apps.reportGeneration(ns, "browser-gym-1", BrowserOperator::awaitingApproval);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve")));
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "AwaitingApproval"));
        // the migration plan was written after the page loaded: reload to see it in full
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("tr[data-step='2']")).getAttribute("class")).isEqualTo("destructive");
        screenshotWhole("generation");

        browser.findElement(By.id("approve-reason")).sendKeys("legacy_code is unused since the 2024 import");
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval"), "Approved"));
        var annotations = Apps.generation(ns, "browser-gym-1").getMetadata().getAnnotations();
        assertThat(annotations).containsEntry(io.veroforge.api.v1alpha1.Generation.APPROVE_ANNOTATION, ALICE)
                .containsEntry(io.veroforge.api.v1alpha1.Generation.APPROVE_REASON_ANNOTATION,
                        "legacy_code is unused since the 2024 import");
        Apps.reportGeneration(ns, "browser-gym-1", status -> BrowserOperator.approved(status, ALICE));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#stage-Migrate .stage-state"), "Running"));
        assertThat(browser.findElement(By.id("approval")).getText()).startsWith("Approved by " + ALICE);
        assertThat(browser.findElement(By.id("decide")).isDisplayed()).isFalse();
        screenshotWhole("generation-approved");

        Apps.ensure(ns, "browser-broken", "field-service", "Customer");
        Apps.reportApp(ns, "browser-broken", null, null,
                java.util.List.of("vertical: \"pest\" is not a known vertical — the generic ontology is used; use field-service"),
                "Resolved", "False", "InvalidSpec", "2 problems: entities[0].relations[0].target: unknown entity "
                        + "\"Techician\" — did you mean \"Technician\"?; templatePack.revision: revision 9 is not approved — use 2025.06.1",
                "Ready", "False", "InvalidSpec", "2 problems: see Resolved");
        browser.get(base.resolve("/tenants/browser-apps/apps/browser-broken").toString());
        assertThat(browser.findElement(By.cssSelector("li[data-field='spec.entities[0].relations[0].target']")).getText())
                .contains("Techician");
        screenshotWhole("app-problems");
    }

    /**
     * A rollout the test plays the Canary reconciler for: open it from the app page, read its chart, KPIs and
     * decisions, promote it by hand (preview with diff and dry-run, then confirm), see the operator's record of it;
     * another company's user cannot open it.
     */
    @Test
    void aCanaryIsReadPromotedByHandAndHiddenFromAnotherCompany() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String ns = "tenant-browser-canary";
        Tenants.ensure(Tenants.ownedBy("browser-canary", OwnerKind.User, ALICE));
        Apps.ensure(ns, "pest-control", "field-service", "Customer");
        Apps.ensureGeneration(ns, "pest-control", "pest-control-3");
        Canaries.ensureRollout(ns, "pest-control", "pest-control-3");
        Canaries.report(ns, "pest-control-3", Canaries::progressingAtStepTwo);
        Apps.ensureGenerationRecording(ns, "pest-control", "pest-control-4", Apps.resolvedModel());
        signOutThenIn(ALICE, "alice-local");
        browser.get(base.resolve("/tenants/browser-canary/apps/pest-control").toString());
        wait.until(ExpectedConditions.textToBe(By.id("user"), ALICE));
        assertThat(browser.findElements(By.cssSelector("#er-diagram g.er-entity"))).hasSize(4);
        screenshotWhole("app-model");
        browser.findElement(By.id("canaries-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-canary='pest-control-3']")));
        screenshot("canaries");
        browser.findElement(By.linkText("pest-control-3")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score-chart")));
        assertThat(browser.findElements(By.cssSelector("#score-chart circle"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("tr[data-kpi='latency_p95_ms'] .kpi-verdict")).getText())
                .isEqualTo("failed: ThresholdFailed");
        screenshotWhole("canary");

        browser.findElement(By.id("promote")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run-accepted")));
        assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("promote to step 3 of 4 at 50% of traffic");
        screenshotWhole("canary-promote-preview");
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requested")));
        assertThat(Canaries.canary(ns, "pest-control-3").getMetadata().getAnnotations())
                .containsEntry(io.veroforge.api.v1alpha1.Canary.ACTOR_ANNOTATION, ALICE);

        // the operator's part: it reads and clears the annotations, moves to step 3 and records who asked
        Canaries.clearAction(ns, "pest-control-3");
        Canaries.report(ns, "pest-control-3", status -> Canaries.promotedByHand(status, ALICE));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("step")).getText()).isEqualTo("3 of 4");
        assertThat(browser.findElement(By.cssSelector("#decisions tbody tr .decision-by")).getText()).isEqualTo(ALICE);
        screenshotWhole("canary-promoted");

        signOutThenIn(SignedIn.GINA, "gina-local");
        int opened = 0;
        for (String path : java.util.List.of("/tenants/browser-canary/apps/pest-control/canaries",
                "/tenants/browser-canary/apps/pest-control/canaries/pest-control-3")) {
            browser.get(base.resolve(path).toString());
            opened += browser.findElement(By.tagName("h1")).getText().equals("Not found") ? 0 : 1;
        }
        assertThat(opened).isZero();
    }

    /** A platform admin reads a proposal the test engine holds, approves it with a reason, and sees it recorded. */
    @Test
    void aPlatformAdminApprovesAProposal() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signOutThenIn(SignedIn.OPS, "ops-local");
        browser.get(base.resolve("/tenants").toString());
        wait.until(ExpectedConditions.textToBe(By.id("user"), SignedIn.OPS));
        browser.findElement(By.linkText("Proposals")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-proposal='43']")));
        screenshot("proposals");
        browser.findElement(By.linkText("43")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(browser.findElement(By.id("evidence-tenants")).getText()).isEqualTo("10 of 40 observed");
        screenshotWhole("proposal");
        browser.findElement(By.id("approve-reason")).sendKeys("the ontology gets Unicorn next release");
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "approved"));
        assertThat(IntelligenceEngineResource.decisions(43).get(0).path("reason").asText())
                .isEqualTo("the ontology gets Unicorn next release (decided by " + SignedIn.OPS + " in the console)");
        screenshotWhole("proposal-approved");
    }

    /**
     * The requirement chat: describe a business, see the model the offline analyzer proposes (the test plays the
     * AppSpec reconciler with the generator's resolver, {@link DraftOperator}), refine it by chatting and by setting a
     * field, Create it (previewed), and the first Generation appears; the transcript survives a refresh, and another
     * company's user cannot open the draft.
     */
    @Test
    void describeAnAppInTheChatRefineItAndCreateIt() throws IOException {
        // the page reloads itself once the preview is there: an element read just before that is stale, not wrong
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String ns = "tenant-browser-chat";
        Tenants.ensure(Tenants.ownedBy("browser-chat", OwnerKind.User, ALICE));
        signOutThenIn(ALICE, "alice-local");
        browser.get(base.resolve("/tenants/browser-chat/apps").toString());
        browser.findElement(By.id("describe-app")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-start")));
        browser.findElement(By.id("name")).sendKeys("pest-chat");
        browser.findElement(By.id("message")).sendKeys("We are a pest control company. Customers book inspections of their property."
                + " Each inspection has a date, a price and a technician.");
        screenshot("chat-new");
        browser.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.urlContains("/tenants/browser-chat/chat/pest-chat"));
        assertThat(browser.findElement(By.id("answer")).getAttribute("data-state")).isEqualTo("WAITING");
        assertThat(Apps.app(ns, "pest-chat").getSpec().getDraft()).isTrue();

        DraftOperator.reconcile(ns, "pest-chat");
        wait.until(ExpectedConditions.attributeToBe(By.id("answer"), "data-state", "PREVIEWED"));
        var proposed = browser.findElements(By.cssSelector("#proposed-entities tr.from-requirements"));
        assertThat(proposed).isNotEmpty();
        assertThat(proposed.get(0).findElement(By.cssSelector("th .origin")).getText()).startsWith("requirements: embedding");
        assertThat(browser.findElements(By.cssSelector("#er-diagram g.er-entity")))
                .hasSize(browser.findElements(By.cssSelector("#proposed-entities tbody tr")).size());
        screenshotWhole("chat-preview");

        browser.findElement(By.id("message")).sendKeys("Technicians write a treatment report for every inspection.");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("answer"), "data-state", "WAITING"));
        DraftOperator.reconcile(ns, "pest-chat");
        wait.until(ExpectedConditions.attributeToBe(By.id("answer"), "data-state", "PREVIEWED"));
        assertThat(Apps.app(ns, "pest-chat").getSpec().getRequirements()).contains("a price and a technician")
                .contains("treatment report");
        int before = browser.findElements(By.cssSelector("#proposed-entities tbody tr")).size();
        String entity = browser.findElement(By.cssSelector("#proposed-entities tbody tr")).getAttribute("data-entity");
        browser.findElement(By.id("entity")).sendKeys(entity);
        browser.findElement(By.id("field")).sendKeys("gateCode");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("type"))).selectByValue("string");
        browser.findElement(By.id("set-field")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("answer"), "data-state", "WAITING"));
        DraftOperator.reconcile(ns, "pest-chat");
        wait.until(ExpectedConditions.attributeToBe(By.id("answer"), "data-state", "PREVIEWED"));
        assertThat(browser.findElement(By.cssSelector("tr[data-entity='" + entity + "'] li[data-field='gateCode']")).getText())
                .contains("gateCode: string?").contains("explicit");
        // the first field set writes the proposal out as declarations: the model keeps its entities and relations
        assertThat(browser.findElements(By.cssSelector("#proposed-entities tbody tr")).size()).isGreaterThanOrEqualTo(before);
        assertThat(browser.findElements(By.cssSelector("#proposed-entities li[data-relation]"))).isNotEmpty();
        // the conversation so far, as kept in the AppSpec: three turns of the person, two answers of the console between
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector("#transcript li.turn-you"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#transcript li.turn-console:not(#answer)"))).hasSize(2);
        screenshotWhole("chat-refined");

        browser.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run-accepted")));
        assertThat(browser.findElement(By.id("diff")).getText()).contains("- draft: true");
        assertThat(Apps.app(ns, "pest-chat").getSpec().getDraft()).as("a preview writes nothing").isTrue();
        screenshot("chat-create");
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.urlContains("/tenants/browser-chat/apps/pest-chat"));
        assertThat(Apps.app(ns, "pest-chat").getSpec().getDraft()).isNull();
        DraftOperator.reconcile(ns, "pest-chat");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-generation='pest-chat-1']")));
        assertThat(Apps.generation(ns, "pest-chat-1").getSpec().getEntities())
                .isEqualTo(browser.findElements(By.cssSelector("#er-diagram g.er-entity")).size());
        screenshotWhole("chat-created");

        signOutThenIn(SignedIn.GINA, "gina-local");
        int opened = 0;
        for (String path : java.util.List.of("/tenants/browser-chat/chat/pest-chat", "/tenants/browser-chat/chat")) {
            browser.get(base.resolve(path).toString());
            opened += browser.findElement(By.tagName("h1")).getText().equals("Not found") ? 0 : 1;
        }
        browser.get(base.resolve("/api/tenants/browser-chat/chat/pest-chat").toString());
        opened += browser.getPageSource().contains("\"state\"") ? 1 : 0;
        assertThat(opened).isZero();
    }

    /** The diff viewer, from the app page: two Generations unified, then against the customer's branch side by side. */
    @Test
    void openADiffBetweenTwoGenerationsAndAgainstTheCustomersBranch() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String ns = "tenant-browser-diff";
        Tenants.ensure(Tenants.ownedBy("browser-diff", OwnerKind.User, ALICE));
        Apps.ensure(ns, "shop", "retail", "Customer");
        AppCode.twoGenerations(ns, "shop");
        signOutThenIn(ALICE, "alice-local");
        browser.get(base.resolve("/tenants/browser-diff/apps/shop").toString());
        browser.findElement(By.id("diff-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("diff-form")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("from"))).selectByValue("shop-1");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("to"))).selectByValue("shop-2");
        browser.findElement(By.id("show-diff")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("diff-heading")));
        assertThat(browser.findElement(By.cssSelector("section.file-diff[data-path='src/customer.service.ts'] span.diff-added"))
                .getText()).contains("this.db.customer.findMany()");
        screenshotWhole("diff-unified");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("from"))).selectByValue("shop-2");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("to"))).selectByValue("customer");
        browser.findElement(By.id("view-side-by-side")).click();
        browser.findElement(By.id("show-diff")).click();
        wait.until(ExpectedConditions.urlContains("to=customer"));
        assertThat(browser.findElements(By.cssSelector("section.file-diff[data-path='src/customer.service.ts'] td.diff-added")))
                .extracting(e -> e.getText().trim()).contains("// customer edit: count them");
        screenshotWhole("diff-side-by-side");

        signOutThenIn(SignedIn.GINA, "gina-local");
        browser.get(base.resolve("/tenants/browser-diff/apps/shop/diff?from=shop-1&to=shop-2").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    }

    /** The public playground, signed out: describe an idea, follow the demo it starts (the test plays the operator). */
    @Test
    void thePlaygroundTurnsAnIdeaIntoADemoTenantWithoutSignIn() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try (var admin = LocalApiResource.admin()) {
            // the TTL's part, played: demos other tests left are gone, so the cap does not refuse this one
            admin.resources(io.veroforge.api.v1alpha1.Tenant.class).withLabel("veroforge.io/playground", "true").delete();
        }
        browser.get(base.resolve("/logout").toString());
        browser.manage().deleteAllCookies();
        browser.get(base.resolve("/playground").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("playground-form")));
        browser.findElement(By.id("description")).sendKeys("A bike repair shop: customers drop off bikes, mechanics log repairs and parts.");
        screenshot("playground");
        browser.findElement(By.id("try")).click();
        wait.until(ExpectedConditions.urlMatches(".*/playground/demo-[a-z0-9]{10}$"));
        String demo = browser.getCurrentUrl().replaceAll(".*/playground/", "");
        assertThat(browser.findElement(By.id("app-state")).getText()).contains("waiting for the tenant's namespace");
        Tenants.reportReady(demo, "True", "Provisioned", "namespace, quota and schema are in place");
        browser.navigate().refresh();
        assertThat(Apps.app("tenant-" + demo, "idea").getSpec().getRequirements()).startsWith("A bike repair shop");
        Apps.ensureGenerationRecording("tenant-" + demo, "idea", "idea-1", Apps.resolvedModel());
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("generation")).getText()).startsWith("idea-1");
        assertThat(browser.findElements(By.cssSelector("#er-diagram g.er-entity"))).hasSize(4);
        screenshotWhole("playground-demo");
    }

    /** Bad markup on purpose: the check must fail on it, or a pass above would mean nothing. */
    @Test
    void axeCoreFindsSeriousViolationsOnABadPage() {
        browser.get("data:text/html,<html><body><img src='x.png'><input id='q'><a href='/x'></a></body></html>");
        assertThat(AxeCore.seriousViolations(browser)).extracting(AxeCore.Violation::id)
                .contains("image-alt", "label", "link-name");
    }

    /**
     * Signs out (when signed in) and in as {@code user}. Signed out, {@code /logout} would be remembered as the page
     * to return to after sign-in, and the sign-in would end signed out again; so the caller opens its page itself.
     */
    private void signOutThenIn(String user, String password) {
        browser.get(base.resolve("/tenants").toString());
        if (!browser.getCurrentUrl().contains("/login.html")) {
            browser.get(base.resolve("/logout").toString());
        }
        signIn(user, password);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login.html"));
    }

    private void signIn(String user, String password) {
        if (!browser.getCurrentUrl().contains("/login.html")) {
            browser.get(base.resolve("/tenants").toString());
        }
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Every page the test shows is checked by axe-core before its screenshot: zero serious or critical violations. */
    static void screenshot(String page) throws IOException {
        assertThat(AxeCore.seriousViolations(browser)).as("axe-core on " + page + " (" + browser.getCurrentUrl() + ")")
                .isEmpty();
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A page taller than the window, shot whole: the window grows to the document for the shot, then shrinks back. */
    static void screenshotWhole(String page) throws IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 150, 4000)));
        try {
            screenshot(page);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
