package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** How {@code --local} places the Git HTTP server and tells the user how to clone from it. */
class LocalGitTest {

    @Test
    void busyPreferredPortFallsBackToAnyFreePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(LocalPlatform.freeOrAny(taken.getLocalPort())).isZero();
        }
    }

    @Test
    void freePreferredPortIsUsed() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        assertThat(LocalPlatform.freeOrAny(free)).isEqualTo(free);
    }

    @Test
    void summaryShowsWhereTheAppsNameAndPasswordGoInTheCloneUrl() {
        assertThat(LocalExamples.cloneUrlWithCredentials("http://127.0.0.1:8081"))
                .isEqualTo("http://<app>:<password>@127.0.0.1:8081/<namespace>/<app>.git");
    }
}
