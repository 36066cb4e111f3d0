package io.veroforge.console.proposals;

import static io.veroforge.console.SignedIn.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.veroforge.console.SignedIn;

/** An engine that does not answer: every proposal page and decision says so, with where it looked, and no stack trace. */
@QuarkusTest
@TestProfile(ProposalsWithoutTheEngineTest.EngineAway.class)
class ProposalsWithoutTheEngineTest {

    public static class EngineAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("veroforge.console.intelligence.url", "http://127.0.0.1:" + closedPort(),
                    "veroforge.console.intelligence.token", "a-token");
        }

        /** Not the other tests' engine (it would set the URL): only the Kubernetes API. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(io.veroforge.console.LocalApiResource.class));
        }
    }

    @Test
    void everyPageSaysTheEngineCannotBeReached() {
        for (String path : new String[] {"/proposals", "/proposals/42"}) {
            String body = SignedIn.as(OPS).get(path).then().statusCode(503).extract().asString();
            Document page = Jsoup.parse(body);
            assertThat(page.select("#engine-problem").text()).as(path)
                    .contains("the intelligence engine at http://127.0.0.1:", "cannot be reached (connection refused)", "veroforge.console.intelligence.url");
            assertThat(body).doesNotContain("Exception", "at io.");
        }
        String decided = SignedIn.as(OPS).formParam("reason", "fine").post("/proposals/42/approve").then().statusCode(503)
                .extract().asString();
        assertThat(Jsoup.parse(decided).select("#engine-problem").text()).contains("cannot be reached");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
