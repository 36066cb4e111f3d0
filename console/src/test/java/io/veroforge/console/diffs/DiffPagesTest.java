package io.veroforge.console.diffs;

import static io.veroforge.console.SignedIn.ALICE;
import static io.veroforge.console.SignedIn.GINA;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.AppCode;
import io.veroforge.console.Apps;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/**
 * The diff viewer against a real Git smart HTTP repository with Basic auth (the operator's way of keeping app code):
 * two Generations' generated code, unified and side by side, a Generation against the customer's branch, and
 * another company's user answered Not found on every diff URL.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class DiffPagesTest {
    private static final String TENANT = "diff-acme";
    private static final String NS = "tenant-" + TENANT;
    private static final String DIFF = "/tenants/" + TENANT + "/apps/shop/diff";

    @BeforeAll
    static void code() throws Exception {
        Tenants.ensure(Tenants.ownedBy(TENANT, OwnerKind.User, ALICE));
        Apps.ensure(NS, "shop", "retail", "Customer");
        AppCode.twoGenerations(NS, "shop");
    }

    @Test
    void twoGenerationsAreComparedUnifiedFileByFile() {
        Document page = get(DIFF + "?from=shop-1&to=shop-2", 200);
        assertThat(page.select("#diff-heading").text()).startsWith("3 files changed from shop-1");
        Element service = page.selectFirst("section.file-diff[data-path='src/customer.service.ts']");
        assertThat(service.select("span.diff-removed").eachText()).containsExactly("-    return [];");
        assertThat(service.select("span.diff-added").eachText()).containsExactly("+    return this.db.customer.findMany();");
        assertThat(service.select("span.diff-hunk").text()).startsWith("@@ -1,5 +1,5 @@");
        assertThat(page.selectFirst("section.file-diff[data-path='README.md'] h3").text()).contains("(delete)");
        assertThat(page.selectFirst("section.file-diff[data-path='src/visit.service.ts'] h3").text()).contains("(add)");
    }

    @Test
    void sideBySidePutsEachChangedLineBesideItsCounterpart() {
        Document page = get(DIFF + "?from=shop-1&to=shop-2&view=side-by-side", 200);
        Element changed = page.selectFirst("section.file-diff[data-path='src/customer.service.ts'] tr.row-changed");
        assertThat(changed.select("td.line-number").eachText()).containsExactly("3", "3");
        assertThat(changed.selectFirst("td.diff-removed").text()).isEqualTo("return [];");
        assertThat(changed.selectFirst("td.diff-added").text()).isEqualTo("return this.db.customer.findMany();");
    }

    @Test
    void aGenerationAgainstTheCustomersBranchShowsTheCustomersEdits() {
        Document page = get(DIFF + "?from=shop-2&to=customer", 200);
        assertThat(page.select("#diff-heading").text()).startsWith("1 files changed from shop-2").contains("the tip of main");
        assertThat(page.select("section.file-diff[data-path='src/customer.service.ts'] span.diff-added").eachText())
                .containsExactly("+  // customer edit: count them", "+  count() {", "+    return 0;", "+  }");
    }

    @Test
    void aGenerationWithoutACommitIsSaidSo() {
        Apps.ensureGeneration(NS, "shop", "shop-3");
        Apps.reportGeneration(NS, "shop-3", status -> status.setCommit(null));
        Document page = get(DIFF + "?from=shop-3&to=customer", 409);
        assertThat(page.select("#diff-problem").text()).contains("shop-3 has no commit yet");
    }

    @Test
    void anotherCompanysUserOpensNoDiffWhateverTheUrl() {
        int opened = 0;
        for (int round = 0; round < 5; round++) {
            for (String url : java.util.List.of(DIFF, DIFF + "?from=shop-1&to=shop-2", DIFF + "?from=shop-1&to=customer",
                    DIFF + "?from=shop-2&to=shop-1&view=side-by-side")) {
                int status = SignedIn.as(GINA).get(url).then().extract().statusCode();
                opened += status == 404 ? 0 : 1;
            }
        }
        assertThat(opened).isZero();
    }

    private static Document get(String url, int status) {
        return Jsoup.parse(SignedIn.as(ALICE).get(url).then().statusCode(status).extract().asString());
    }
}
